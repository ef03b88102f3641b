import { expect, test } from "@playwright/test";
import { balanceMinorOf } from "./support/db";
import { isStepUpRequired, signedIn, stepUpOf, transfer, type Actor, type Method } from "./support/step-up";

/**
 * SEC-01 and SEC-02 (docs/security.md): the level must be decided on the amount that is debited. A sub-cent amount
 * just under an edge must be refused as input, or raise the level the debited amount needs.
 */
async function attemptAtEdge(actor: Actor, amount: number, factorsBelowEdge: Method[]) {
  const before = balanceMinorOf(actor.email);
  const first = await actor.mutation("transfers.create", transfer(amount));
  let level: string = first.ok ? "none" : first.error.data.code;
  if (isStepUpRequired(first)) {
    const stepUp = stepUpOf(first);
    level = stepUp.level;
    // The attacker holds the factors of the level below the edge: use them, as the attack did.
    if (stepUp.methods.some((c) => c.every((m) => factorsBelowEdge.includes(m)))) {
      await actor.satisfy(stepUp.requirementId, factorsBelowEdge);
      await actor.mutation("transfers.create", transfer(amount));
    }
  }
  return { level, debitedMinor: before - balanceMinorOf(actor.email) };
}

test("SEC-01 sub-cent amount under the critical edge (9,999.999999999) cannot debit 10,000.00 at high", async () => {
  const actor = await signedIn("subCentCritical");
  const { level, debitedMinor } = await attemptAtEdge(actor, 9999.999999999, ["password", "backup_code"]);
  expect(["BAD_REQUEST", "critical"]).toContain(level);
  expect(debitedMinor).toBeLessThan(1_000_000);
});

test("SEC-02 sub-cent amount under the high edge (999.999999999) cannot debit 1,000.00 at medium", async () => {
  const actor = await signedIn("subCentHigh");
  const { level, debitedMinor } = await attemptAtEdge(actor, 999.999999999, ["password"]);
  expect(["BAD_REQUEST", "high", "critical"]).toContain(level);
  expect(debitedMinor).toBeLessThan(100_000);
});
