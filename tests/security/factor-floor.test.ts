import { expect, test } from "@playwright/test";
import { SECURITY_PASSWORD } from "./support/accounts";
import { balanceMinorOf } from "./support/db";
import type { TrpcResult } from "./support/http";
import { isStepUpRequired, signedIn, stepUpOf, transfer, type Actor, type Method } from "./support/step-up";

/**
 * SEC-03 to SEC-06 (docs/security.md, ADR 011): whatever the server's configuration (the demo runs
 * `onUnavailable: "degrade"`), an email code alone or a password alone never clears high or critical. The
 * accounts have only a password (and the demo's email codes): exactly the attacker who has the password or the
 * mailbox.
 */
async function attemptWith(actor: Actor, path: string, input: unknown, factors: Method[]): Promise<TrpcResult> {
  const first = await actor.mutation(path, input);
  if (!isStepUpRequired(first)) return first;
  const stepUp = stepUpOf(first);
  const usable = stepUp.methods.find((c) => c.every((m) => factors.includes(m)));
  if (!usable) return first;
  await actor.satisfy(stepUp.requirementId, usable);
  return actor.mutation(path, input);
}

test("SEC-03 an email code alone does not clear high (password change)", async () => {
  const actor = await signedIn("emailOnlyHigh");
  const result = await attemptWith(actor, "account.changePassword", { newPassword: SECURITY_PASSWORD }, ["email_code"]);
  expect(result.ok).toBe(false);
});

test("SEC-04 an email code alone does not clear critical (a 20,000.00 transfer)", async () => {
  const actor = await signedIn("emailOnlyCritical");
  const before = balanceMinorOf(actor.email);
  const result = await attemptWith(actor, "transfers.create", transfer(20_000), ["email_code"]);
  expect(result.ok).toBe(false);
  expect(balanceMinorOf(actor.email)).toBe(before);
});

test("SEC-05 a password alone does not clear high (password change)", async () => {
  const actor = await signedIn("passwordOnlyHigh");
  const result = await attemptWith(actor, "account.changePassword", { newPassword: SECURITY_PASSWORD }, ["password"]);
  expect(result.ok).toBe(false);
});

test("SEC-06 a password alone does not clear critical (a 20,000.00 transfer)", async () => {
  const actor = await signedIn("passwordOnlyCritical");
  const before = balanceMinorOf(actor.email);
  const result = await attemptWith(actor, "transfers.create", transfer(20_000), ["password"]);
  expect(result.ok).toBe(false);
  expect(balanceMinorOf(actor.email)).toBe(before);
});
