import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { catchError, createClock, createTestDatabase, expectStepUp, signedIn, userIdOf, type Client } from "./harness";

/**
 * The value the policies judge is the value the transfer debits (SEC-01 and SEC-02 in docs/security.md): an amount
 * that is not an exact number of cents is refused by validation, so nothing can be judged at one level and rounded
 * into another after the check.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const transfer = (amount: number) => ({ amount, currency: "USD" as const, to: "Mallory" });

describe("transfer amounts are exact cents, judged and debited as the same integer", () => {
  const clock = createClock();
  let alice: Client;
  let aliceId: string;
  const balance = async () =>
    (await db.user.findUniqueOrThrow({ where: { id: aliceId }, select: { balanceMinor: true } })).balanceMinor;

  beforeEach(async () => {
    clock.advance(10 * MIN);
    aliceId = await userIdOf(db, "alice@example.com");
    alice = await signedIn(db, clock, "alice@example.com");
  });

  it.each([
    ["just under the critical edge (rounds to 10,000.00)", 9999.999999999],
    ["just over the critical edge (rounds to 10,000.00)", 10_000.000000001],
    ["just under the high edge (rounds to 1,000.00)", 999.999999999],
    ["half a cent", 999.995],
    ["a millionth of a cent below 1,000.00", 999.99999999],
  ])("%s is refused with a clear validation error before any policy runs", async (_title, amount) => {
    const before = await balance();
    const error = await catchError(alice.call((api) => api.transfers.create(transfer(amount))));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.stepUp).toBeNull();
    expect(error.message).toMatch(/whole number of cents/);
    expect(await db.stepUpRequirement.count({ where: { userId: aliceId } })).toBe(0);
    expect(await balance()).toBe(before);
  });

  it.each([
    ["999.99 is medium", 999.99, "medium"],
    ["1,000.00 is high", 1000, "high"],
    ["9,999.99 is high", 9999.99, "high"],
    ["10,000.00 is critical", 10_000, "critical"],
    ["0.29 (not exact in binary) is medium", 0.29, "medium"],
  ] as const)("%s at the edges", async (_title, amount, level) => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(transfer(amount))));
    expect(stepUp.level).toBe(level);
  });

  it("the debit is exactly the amount that was judged, in integer cents", async () => {
    const before = await balance();
    // A fresh medium grant: any 1-factor verification.
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(transfer(0.29))));
    await alice.call((api) =>
      api.stepUp.verify({ requirementId: stepUp.requirementId, method: "password", credential: "demo-password-1" }),
    );
    const done = await alice.call((api) => api.transfers.create(transfer(0.29)));
    expect(done.amountMinor).toBe(29);
    expect(await balance()).toBe(before - 29);
    const audit = await db.stepUpAuditEvent.findFirstOrThrow({
      where: { userId: aliceId, type: "stepup.required" },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.stringify(audit.data)).toContain("0.29 USD");
  });
});
