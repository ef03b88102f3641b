import { afterAll, describe, expect, it } from "vitest";
import { catchError, createClock, createTestDatabase, expectStepUp, signedIn, verify } from "./harness";

/**
 * A declaration's `precheck` runs after input validation and before step-up is decided: a call that
 * would fail anyway fails first, without asking the user to verify for nothing.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

describe("prechecks before step-up", () => {
  const clock = createClock();

  it("a transfer the balance cannot cover is refused at once: no requirement, no dialog", async () => {
    const gina = await signedIn(db, clock, "gina@example.com"); // 1,000.00 USD
    const requirements = await db.stepUpRequirement.count();
    const refused = await catchError(
      gina.call((api) => api.transfers.create({ amount: 5000, currency: "USD", to: "Dave" })),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: "Insufficient balance", stepUp: null });
    expect(await db.stepUpRequirement.count()).toBe(requirements);
  });

  it("a transfer the balance covers still asks for step-up, and the precheck runs again on the retry", async () => {
    const bob = await signedIn(db, clock, "bob@example.com"); // 25,000.00 USD
    const transfer = { amount: 50, currency: "USD" as const, to: "Carol" };
    const stepUp = await expectStepUp(bob.call((api) => api.transfers.create(transfer)));
    await verify(bob, stepUp.requirementId, "password", "demo-password-1");
    // Spent elsewhere meanwhile: the retry meets the precheck, not a half-done transfer.
    await db.user.update({ where: { email: "bob@example.com" }, data: { balanceMinor: 1_000 } });
    const retried = await catchError(bob.call((api) => api.transfers.create(transfer)));
    expect(retried).toMatchObject({ code: "BAD_REQUEST", message: "Insufficient balance" });
    await db.user.update({ where: { email: "bob@example.com" }, data: { balanceMinor: 2_500_000 } });
    expect((await bob.call((api) => api.transfers.create(transfer))).amountMinor).toBe(5_000);
  });
});
