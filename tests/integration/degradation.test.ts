import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  userIdOf,
  verify,
  type Client,
} from "./harness";
import { createSoftwareAuthenticator } from "./support/authenticator";
import { registerPasskey, verifyWithPasskey, withAliceHigh } from "./support/factors";

/**
 * When a user can complete none of a level's combinations, configuration decides (ADR 011, superseding 007):
 * "refuse" (the default) offers nothing and audits stepup.refused; "degrade" offers the next lower level's
 * combinations that meet the floor, audited. See degrade-floor.test.ts for the floor itself.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const critical = { amount: 10_000, currency: "USD" as const, to: "Dave" };

describe("no complete combination: refuse or degrade, never silently", () => {
  const clock = createClock();
  let bobId: string;
  let aliceId: string;
  let bob: Client;
  let alice: Client;
  const audits = (userId: string, type: string) =>
    db.stepUpAuditEvent.findMany({ where: { userId, type }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const refuseMode = (client: Client) => {
    client.services.config = { ...client.services.config, onUnavailable: "refuse" };
  };
  const degradeMode = (client: Client) => {
    client.services.config = { ...client.services.config, onUnavailable: "degrade" };
  };

  beforeAll(async () => {
    [bobId, aliceId] = [await userIdOf(db, "bob@example.com"), await userIdOf(db, "alice@example.com")];
    bob = createClient(db, clock);
    alice = createClient(db, clock);
    await signIn(bob, "bob@example.com");
    await signIn(alice, "alice@example.com");
  });
  beforeEach(() => clock.advance(MIN));

  it("degrade: alice (no passkey) is offered high's multi-factor combinations for a critical transfer, flagged and audited", async () => {
    degradeMode(alice);
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    expect(stepUp).toMatchObject({
      level: "critical",
      degraded: true,
      methods: [
        ["password", "totp"],
        ["password", "backup_code"],
      ],
    });
    const [degraded] = await audits(aliceId, "stepup.degraded");
    expect(degraded).toMatchObject({
      severity: "warning",
      data: { requirementId: stepUp.requirementId, level: "critical" },
    });
    expect(await audits(aliceId, "stepup.refused")).toHaveLength(0);
  });

  it("refuse: bob is offered no method, the refusal is audited, and no factor can fulfil it", async () => {
    // Enough to cover it: the transfer's precheck refuses an uncovered amount before any step-up.
    await db.user.update({ where: { id: bobId }, data: { balanceMinor: 5_000_000 } });
    const stepUp = await expectStepUp(bob.call((api) => api.transfers.create(critical)));
    expect(stepUp).toMatchObject({ level: "critical", degraded: false, methods: [] });
    const [refused] = await audits(bobId, "stepup.refused");
    expect(refused).toMatchObject({
      severity: "warning",
      data: { requirementId: stepUp.requirementId, level: "critical", procedure: "transfers.create" },
    });

    expect(await catchError(verify(bob, stepUp.requirementId, "password", "demo-password-1"))).toMatchObject({
      stepUp: { code: "METHOD_NOT_ALLOWED" },
    });
    const challenge = await catchError(
      bob.call((api) => api.stepUp.challenge({ requirementId: stepUp.requirementId, method: "email_code" })),
    );
    expect(challenge).toMatchObject({ stepUp: { code: "METHOD_NOT_ALLOWED" } });
    expect(await db.transfer.count({ where: { userId: bobId } })).toBe(0);
  });

  it("refuse: once alice enrols a passkey, the same critical transfer is offered exactly that passkey and completes", async () => {
    refuseMode(alice);
    const before = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    expect(before.methods).toEqual([]);
    expect(await audits(aliceId, "stepup.refused")).toHaveLength(1);

    clock.advance(6 * MIN);
    const key = createSoftwareAuthenticator();
    await withAliceHigh(alice, clock, (api) => api.stepUp.security.passkeys.beginRegistration());
    await registerPasskey(alice, key);
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    expect(stepUp).toMatchObject({ methods: [["passkey"]], degraded: false });
    expect((await (await verifyWithPasskey(alice, stepUp.requirementId, key)).result).status).toBe("fulfilled");
    expect(await alice.call((api) => api.transfers.create(critical))).toMatchObject({ amountMinor: 1_000_000 });
    expect(await audits(aliceId, "stepup.refused")).toHaveLength(1);
  });
});
