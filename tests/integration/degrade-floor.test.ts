import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getVerifier } from "@step-up/next/testing/server";
import { parseStepUpConfigEnv as loadStepUpConfig } from "@/server/step-up";
import {
  catchError,
  createClock,
  createTestDatabase,
  expectStepUp,
  signedIn,
  userIdOf,
  verify,
  verifyAliceHigh,
  type Client,
  verifierServices,
} from "./harness";
import { latestEmailCode } from "./support/factors";

/**
 * The degrade floor (ADR 011; SEC-03 to SEC-06 in docs/security.md): whatever the configuration, an email code
 * never clears more than medium, a single factor never clears critical, and degrading never goes below the next
 * lower level's own combinations. The demo's own configuration refuses.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const BOB = "bob@example.com";
const high = { amount: 1500, currency: "USD" as const, to: "Mallory" };
const critical = { amount: 10_000, currency: "USD" as const, to: "Mallory" };

describe("degrading has a floor, and the demo refuses by default", () => {
  const clock = createClock();
  let bobId: string;
  let aliceId: string;
  const degrade = (client: Client) => {
    client.services.config = loadStepUpConfig({ STEP_UP_CONFIG: JSON.stringify({ onUnavailable: "degrade" }) });
    return client;
  };
  const audits = (userId: string, type: string) => db.stepUpAuditEvent.count({ where: { userId, type } });

  beforeAll(async () => {
    [bobId, aliceId] = [await userIdOf(db, BOB), await userIdOf(db, "alice@example.com")];
  });
  beforeEach(() => clock.advance(16 * MIN));

  it("the demo configuration refuses when no combination is complete: bob gets no method and a way to enrol", async () => {
    expect(loadStepUpConfig({}).onUnavailable).toBe("refuse");
    const bob = await signedIn(db, clock, BOB);
    const stepUp = await expectStepUp(bob.call((api) => api.transfers.create(critical)));
    expect(stepUp).toMatchObject({ level: "critical", methods: [], degraded: false });
    expect(await audits(bobId, "stepup.refused")).toBeGreaterThan(0);
  });

  it.each([
    ["high", high],
    ["critical", critical],
  ] as const)(
    "degrade: bob (password and email only) is refused at %s: no email code, no password alone",
    async (level, input) => {
      const bob = degrade(await signedIn(db, clock, BOB));
      const stepUp = await expectStepUp(bob.call((api) => api.transfers.create(input)));
      expect(stepUp).toMatchObject({ level, methods: [], degraded: false });
      const challenge = await catchError(
        bob.call((api) => api.stepUp.challenge({ requirementId: stepUp.requirementId, method: "email_code" })),
      );
      expect(challenge.stepUp).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
      expect(await catchError(verify(bob, stepUp.requirementId, "password", "demo-password-1"))).toMatchObject({
        stepUp: { code: "METHOD_NOT_ALLOWED" },
      });
      expect(await db.stepUpGrant.count({ where: { userId: bobId, level } })).toBe(0);
    },
  );

  it("degrade: alice without a passkey is offered only high's multi-factor combinations for critical, flagged", async () => {
    const alice = degrade(await signedIn(db, clock, "alice@example.com"));
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    expect(stepUp).toMatchObject({
      level: "critical",
      degraded: true,
      methods: [
        ["password", "totp"],
        ["password", "backup_code"],
      ],
    });
    expect(await audits(aliceId, "stepup.degraded")).toBe(1);
    expect((await verifyAliceHigh(alice, clock, stepUp.requirementId)).status).toBe("fulfilled");
    expect(await alice.call((api) => api.transfers.create(critical))).toMatchObject({ amountMinor: 1_000_000 });
  });

  it("refused at high, bob follows the enrol link: adding a factor asks for what he has, then high works", async () => {
    const bob = await signedIn(db, clock, BOB);
    expect((await expectStepUp(bob.call((api) => api.transfers.create(high)))).methods).toEqual([]);
    const enrol = await expectStepUp(bob.call((api) => api.stepUp.security.backupCodes.generate()));
    expect(enrol).toMatchObject({ level: "medium", degraded: true, canRemember: false });
    expect(enrol.methods).toContainEqual(["password"]);
    await verify(bob, enrol.requirementId, "password", "demo-password-1");
    const { codes } = await bob.call((api) => api.stepUp.security.backupCodes.generate());
    // The enrolment's medium grant is not high: the transfer still asks, now with a real high combination.
    const stepUp = await expectStepUp(bob.call((api) => api.transfers.create(high)));
    expect(stepUp).toMatchObject({ level: "high", degraded: false, methods: [["password", "backup_code"]] });
    await verify(bob, stepUp.requirementId, "password", "demo-password-1");
    expect((await verify(bob, stepUp.requirementId, "backup_code", codes[0]!)).status).toBe("fulfilled");
    expect(await bob.call((api) => api.transfers.create(high))).toMatchObject({ amountMinor: 150_000 });
    // Now that he can reach high, adding another factor needs high too.
    clock.advance(6 * MIN);
    expect((await expectStepUp(bob.call((api) => api.stepUp.security.totp.begin()))).level).toBe("high");
  });

  it("a stored requirement that lists an email code for high (from before the floor) cannot be fulfilled with it", async () => {
    const bob = degrade(await signedIn(db, clock, BOB));
    const stepUp = await expectStepUp(bob.call((api) => api.transfers.create(high)));
    await db.stepUpRequirement.update({
      where: { id: stepUp.requirementId },
      data: { methods: [["email_code"], ["password"]], degraded: true },
    });
    const challenge = await catchError(
      bob.call((api) => api.stepUp.challenge({ requirementId: stepUp.requirementId, method: "email_code" })),
    );
    expect(challenge.stepUp).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
    expect(await catchError(verify(bob, stepUp.requirementId, "password", "demo-password-1"))).toMatchObject({
      stepUp: { code: "METHOD_NOT_ALLOWED" },
    });
    expect(await db.stepUpGrant.count({ where: { userId: bobId, requirementId: stepUp.requirementId } })).toBe(0);
    await expectStepUp(bob.call((api) => api.transfers.create(high)));
  });

  it("the email-code verifier itself refuses above medium, even with a correct code", async () => {
    const bob = await signedIn(db, clock, BOB);
    const small = await expectStepUp(bob.call((api) => api.transfers.create({ ...high, amount: 100 })));
    await bob.call((api) => api.stepUp.challenge({ requirementId: small.requirementId, method: "email_code" }));
    const code = await latestEmailCode(db, BOB);
    const context = {
      ...verifierServices(db, clock),
      userId: bobId,
      organizationId: null,
      requirementId: small.requirementId,
      requirementExpiresAt: new Date(small.expiresAt),
      callBinding: null,
      now: clock.now(),
      request: { ip: "203.0.113.7", userAgent: "vitest" },
    };
    const verifier = getVerifier("email_code");
    for (const level of ["high", "critical"] as const) {
      expect(await verifier.verify({ ...context, level }, code)).toEqual({
        ok: false,
        failure: "not_allowed_at_level",
      });
      expect(await verifier.issue!({ ...context, level })).toEqual({ ok: false, failure: "not_allowed_at_level" });
    }
    // At medium it is accepted, to be used up when the method is recorded (ADR 028).
    expect(await verifier.verify({ ...context, level: "medium" }, code)).toMatchObject({ ok: true, claim: {} });
  });
});
