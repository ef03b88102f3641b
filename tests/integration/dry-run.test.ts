import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidatePolicies } from "./harness";
import {
  ALICE_BACKUP_CODES,
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  userIdOf,
  verify,
  verifyAliceHigh,
  type Client,
} from "./harness";
import { allowDegrade } from "./support/degrade";

/** The read side of the step-up API: evaluate (dry run), status, verification history, pending requirements. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const usd = (amount: number) => ({ amount, currency: "USD" as const, to: "Carol" });

describe("asking before acting", () => {
  const clock = createClock();
  let aliceId: string;
  let alice: Client;
  const sideEffects = async () => ({
    requirements: await db.stepUpRequirement.count(),
    audit: await db.stepUpAuditEvent.count(),
    transfers: await db.transfer.count(),
    grants: await db.stepUpGrant.count({ where: { consumedAt: { not: null } } }),
  });

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = allowDegrade(createClient(db, clock));
    await signIn(alice, "alice@example.com");
  });

  it("evaluate tells which level a transfer amount needs and why, without creating a requirement", async () => {
    const before = await sideEffects();
    const high = await alice.call((api) => api.stepUp.evaluate({ procedure: "transfers.create", input: usd(5000) }));
    expect(high).toMatchObject({
      required: true,
      level: "high",
      currentLevel: "low",
      reason: "Transferring 5,000.00 USD needs a strong check that it's you",
      degraded: false,
      satisfiedBy: null,
      matchedRules: [expect.objectContaining({ policyId: "policy-payment-amounts", kind: "amount", level: "high" })],
    });
    expect(high.methods).toEqual(
      expect.arrayContaining([
        ["password", "totp"],
        ["password", "backup_code"],
      ]),
    );

    const medium = await alice.call((api) =>
      api.stepUp.evaluate({ procedure: "transfers.create", input: usd(999.99) }),
    );
    expect(medium).toMatchObject({
      required: true,
      level: "medium",
      reason: "Transferring 999.99 USD needs a quick check that it's you",
    });
    const critical = await alice.call((api) =>
      api.stepUp.evaluate({ procedure: "transfers.create", input: usd(10_000) }),
    );
    expect(critical).toMatchObject({ required: true, level: "critical", degraded: true });
    const none = await alice.call((api) =>
      api.stepUp.evaluate({ procedure: "profile.update", input: { name: "Alice" } }),
    );
    expect(none).toMatchObject({ required: false, satisfiedBy: "not_required" });
    const apiKey = await alice.call((api) =>
      api.stepUp.evaluate({ procedure: "apiKeys.create", input: { name: "ci" } }),
    );
    expect(apiKey).toMatchObject({ required: true, level: "high", matchedRules: [] }); // the code's own minimum

    const deletion = await alice.call((api) => api.stepUp.evaluate({ procedure: "account.delete" }));
    expect(deletion).toMatchObject({
      required: true,
      level: "high",
      matchedRules: [expect.objectContaining({ kind: "resource", policyId: "policy-destructive-actions" })],
    });

    expect(await sideEffects()).toEqual(before);
  });

  it("a policy can raise a level, but never lower the code's minimum or another rule's level", async () => {
    await db.stepUpPolicy.create({
      data: {
        id: "test-lower-and-raise",
        name: "Tries to lower and raise",
        priority: 1000,
        rules: [
          { kind: "procedure", pattern: "apiKeys.*", level: "none" },
          { kind: "procedure", pattern: "transfers.create", level: "low" },
          { kind: "procedure", pattern: "profile.update", level: "medium" },
        ],
      },
    });
    await invalidatePolicies(db);
    try {
      const evaluate = (procedure: string, input: unknown) =>
        alice.call((api) => api.stepUp.evaluate({ procedure, input }));
      expect(await evaluate("apiKeys.create", { name: "ci" })).toMatchObject({ required: true, level: "high" });
      expect(await evaluate("transfers.create", usd(5000))).toMatchObject({ required: true, level: "high" });
      expect(await evaluate("profile.update", { name: "x" })).toMatchObject({ required: true, level: "medium" });
      const before = (await db.user.findUniqueOrThrow({ where: { id: aliceId } })).name;
      await expectStepUp(alice.call((api) => api.profile.update({ name: "Raised" })));
      expect((await db.user.findUniqueOrThrow({ where: { id: aliceId } })).name).toBe(before);
    } finally {
      await db.stepUpPolicy.delete({ where: { id: "test-lower-and-raise" } });
      await invalidatePolicies(db);
    }
  });

  it("evaluate for a procedure that does not exist or is not step-up protected answers NOT_FOUND", async () => {
    for (const procedure of [
      "transfers.teleport",
      "profile.get",
      "auth.signIn",
      "stepUp.verify",
      "__proto__",
      "constructor",
    ]) {
      expect((await catchError(alice.call((api) => api.stepUp.evaluate({ procedure, input: {} })))).code).toBe(
        "NOT_FOUND",
      );
    }
  });

  it("status reports the current level after each verification, and the history lists them page by page", async () => {
    expect(await alice.call((api) => api.stepUp.status())).toEqual({
      currentLevel: "low",
      validUntil: { medium: null, high: null },
    });

    const medium = await expectStepUp(alice.call((api) => api.transfers.create(usd(100))));
    await verify(alice, medium.requirementId, "backup_code", ALICE_BACKUP_CODES[0]);
    const mediumAt = clock.now().getTime();
    expect(await alice.call((api) => api.stepUp.status())).toEqual({
      currentLevel: "medium",
      validUntil: { medium: new Date(mediumAt + 15 * MIN).toISOString(), high: null },
    });

    clock.advance(MIN);
    const high = await expectStepUp(alice.call((api) => api.transfers.create(usd(5000))));
    await verifyAliceHigh(alice, clock, high.requirementId);
    expect((await alice.call((api) => api.stepUp.status())).currentLevel).toBe("high");

    clock.advance(MIN);
    const critical = await expectStepUp(alice.call((api) => api.transfers.create(usd(10_000))));
    await verifyAliceHigh(alice, clock, critical.requirementId);
    // A dry run sees the critical grant but does not use it up.
    const before = await sideEffects();
    const dry = await alice.call((api) => api.stepUp.evaluate({ procedure: "transfers.create", input: usd(10_000) }));
    expect(dry).toMatchObject({ required: false, level: "critical", satisfiedBy: "grant" });
    expect(await sideEffects()).toEqual(before);
    await alice.call((api) => api.transfers.create(usd(10_000)));
    expect((await alice.call((api) => api.stepUp.status())).currentLevel).toBe("high"); // critical grants never raise the session level

    const page1 = await alice.call((api) => api.stepUp.verifications({ limit: 2 }));
    expect(page1.items.map((g) => g.level)).toEqual(["critical", "high"]);
    expect(page1.items[0]).toMatchObject({
      degraded: true,
      requirement: {
        procedure: "transfers.create",
        reason: "Transferring 10,000.00 USD needs your approval, for this action only",
      },
    });
    expect(page1.items[0]!.consumedAt).not.toBeNull();
    expect(page1.items[1]!.methods).toEqual(["password", "totp"]);
    expect(page1.nextCursor).toBe(page1.items[1]!.id);
    const page2 = await alice.call((api) => api.stepUp.verifications({ limit: 2, cursor: page1.nextCursor }));
    expect(page2.items.map((g) => g.level)).toEqual(["medium"]);
    expect(page2.items[0]!.methods).toEqual(["backup_code"]);
    expect(page2.nextCursor).toBeNull();
    expect((await alice.call((api) => api.stepUp.verifications())).items).toHaveLength(3);

    const bob = allowDegrade(createClient(db, clock));
    await signIn(bob, "bob@example.com");
    expect(await bob.call((api) => api.stepUp.verifications())).toEqual({ items: [], nextCursor: null });
    expect(await bob.call((api) => api.stepUp.status())).toMatchObject({ currentLevel: "low" });
  });

  it("pendingRequirements lists the user's unfinished verifications, newest first, and drops cancelled and expired ones", async () => {
    clock.advance(20 * MIN);
    const email = await expectStepUp(
      alice.call((api) => api.account.changeEmail({ email: "alice.pending@example.com" })),
    );
    clock.advance(1000);
    const transfer = await expectStepUp(alice.call((api) => api.transfers.create(usd(5000))));
    const pending = await alice.call((api) => api.stepUp.pendingRequirements());
    expect(pending.map((r) => r.id)).toEqual([transfer.requirementId, email.requirementId]);
    expect(pending[0]).toMatchObject({
      procedure: "transfers.create",
      requiredLevel: "high",
      reason: "Transferring 5,000.00 USD needs a strong check that it's you",
      failedAttempts: 0,
    });
    expect(pending[1]).toMatchObject({ procedure: "account.changeEmail", requiredLevel: "medium" });

    const bob = allowDegrade(createClient(db, clock));
    await signIn(bob, "bob@example.com");
    expect(await bob.call((api) => api.stepUp.pendingRequirements())).toEqual([]);

    await alice.call((api) => api.stepUp.cancel({ requirementId: email.requirementId }));
    expect((await alice.call((api) => api.stepUp.pendingRequirements())).map((r) => r.id)).toEqual([
      transfer.requirementId,
    ]);
    clock.advance(10 * MIN);
    expect(await alice.call((api) => api.stepUp.pendingRequirements())).toEqual([]);
    expect((await db.user.findUniqueOrThrow({ where: { id: aliceId } })).email).toBe("alice@example.com");
  });
});
