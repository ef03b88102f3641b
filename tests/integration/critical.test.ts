import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  userIdOf,
  verifyAliceHigh,
  type Client,
} from "./harness";
import { allowDegrade } from "./support/degrade";

/**
 * Critical = "right now, for this very call": the grant is bound to procedure + canonical input
 * and consumed by one call. Alice has no passkey: with the explicit "degrade" configuration (ADR 011) critical
 * accepts her password + TOTP, flagged.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const critical = { amount: 10_000, currency: "USD" as const, to: "Dave" };

describe("critical transfers run once, for exactly the verified call", () => {
  const clock = createClock();
  let alice: Client;
  let aliceId: string;
  const transfers = () => db.transfer.count({ where: { userId: aliceId } });
  const balance = async () => (await db.user.findUniqueOrThrow({ where: { id: aliceId } })).balanceMinor;

  /** Refused → verified (password + TOTP) → ready for one retry of `input`. */
  async function verifyCritical(input: typeof critical) {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(input)));
    expect(stepUp).toMatchObject({ level: "critical", canRemember: false, degraded: true });
    expect((await verifyAliceHigh(alice, clock, stepUp.requirementId)).status).toBe("fulfilled");
    return stepUp;
  }

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = allowDegrade(createClient(db, clock));
    await signIn(alice, "alice@example.com");
  });
  beforeEach(() => clock.advance(60_000)); // a fresh TOTP step for every test

  it("a verified 10,000 USD transfer runs once; sending it again asks again", async () => {
    await verifyCritical(critical);
    const [count, before] = [await transfers(), await balance()];
    const transfer = await alice.call((api) => api.transfers.create(critical));
    expect(transfer).toMatchObject({ amountMinor: 1_000_000, to: "Dave" });

    const again = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    expect(again.level).toBe("critical");
    expect(await transfers()).toBe(count + 1);
    expect(await balance()).toBe(before - 1_000_000);
    const grant = await db.stepUpGrant.findFirstOrThrow({
      where: { userId: aliceId, level: "critical" },
      orderBy: { verifiedAt: "desc" },
    });
    expect(grant.consumedAt).not.toBeNull();
  });

  it("a verification for 10,000 USD to Dave does not cover another amount or recipient, but still covers the verified call", async () => {
    await verifyCritical(critical);
    const count = await transfers();
    const otherAmount = await expectStepUp(alice.call((api) => api.transfers.create({ ...critical, amount: 10_001 })));
    expect(otherAmount.level).toBe("critical");
    const otherRecipient = await expectStepUp(
      alice.call((api) => api.transfers.create({ ...critical, to: "Mallory" })),
    );
    expect(otherRecipient.level).toBe("critical");
    const otherCurrency = await expectStepUp(
      alice.call((api) => api.transfers.create({ ...critical, currency: "EUR" })),
    );
    expect(otherCurrency.level).toBe("critical");
    expect(await transfers()).toBe(count);

    // Same call, keys in another order: canonical JSON (RFC 8785) makes it the same call.
    const transfer = await alice.call((api) => api.transfers.create({ to: "Dave", currency: "USD", amount: 10_000 }));
    expect(transfer.to).toBe("Dave");
    expect(await transfers()).toBe(count + 1);
  });

  it("a critical verification left unused expires after the 30 s grace period", async () => {
    await verifyCritical(critical);
    clock.advance(31_000);
    const count = await transfers();
    await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    expect(await transfers()).toBe(count);
  });

  it("a fresh high verification is not enough for a critical transfer", async () => {
    const high = await expectStepUp(alice.call((api) => api.transfers.create({ ...critical, amount: 5000 })));
    await verifyAliceHigh(alice, clock, high.requirementId);
    const count = await transfers();
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    expect(stepUp).toMatchObject({ level: "critical", currentLevel: "high" });
    expect(await transfers()).toBe(count);
  });

  it("two retries racing for one critical verification: exactly one transfer is made", async () => {
    await verifyCritical(critical);
    const [count, before] = [await transfers(), await balance()];
    const results = await Promise.allSettled([
      alice.call((api) => api.transfers.create(critical)),
      alice.call((api) => api.transfers.create(critical)),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const refusal = await catchError(Promise.reject(rejected[0]!.reason));
    expect(refusal).toMatchObject({ code: "FORBIDDEN", stepUp: { code: "STEP_UP_REQUIRED", level: "critical" } });
    expect(await transfers()).toBe(count + 1);
    expect(await balance()).toBe(before - 1_000_000);
  });
});
