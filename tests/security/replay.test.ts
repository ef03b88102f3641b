import { expect, test } from "@playwright/test";
import { SECURITY_PASSWORD } from "./support/accounts";
import { latestEmailCode, requirementRow } from "./support/db";
import { dataOf } from "./support/http";
import { signedIn, stepUpOf, transfer, type VerifyResult } from "./support/step-up";

/** One-time codes work once, and only for what they were issued for (ASVS 6.5.1, 6.6.2). */

/** A typed refusal (today INVALID_CREDENTIAL, 400), never a success and never a 500. */
function expectRefused(result: VerifyResult) {
  expect(result.ok).toBe(false);
  expect(result.status).toBe(400);
  expect(result.ok ? null : result.error.data.stepUp?.code).toBeTruthy();
}

test("R-30 a TOTP code accepted once is refused when replayed for the next requirement", async () => {
  const actor = await signedIn("totpReplay");
  const medium = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  const code = await actor.totp();
  expect(dataOf(await actor.verify(medium.requirementId, "totp", code)).status).toBe("fulfilled");
  const high = stepUpOf(await actor.mutation("apiKeys.create", { name: "catalog" }));
  dataOf(await actor.verify(high.requirementId, "password", SECURITY_PASSWORD));
  const replay = await actor.verify(high.requirementId, "totp", code);
  expectRefused(replay);
  expect(stepUpOf(await actor.mutation("apiKeys.create", { name: "catalog" })).level).toBe("high");
});

test("R-31 a backup code used once is refused when replayed", async () => {
  const actor = await signedIn("backupReplay");
  const medium = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  const code = actor.takeBackupCode();
  expect(dataOf(await actor.verify(medium.requirementId, "backup_code", code)).status).toBe("fulfilled");
  const high = stepUpOf(await actor.mutation("apiKeys.create", { name: "catalog" }));
  dataOf(await actor.verify(high.requirementId, "password", SECURITY_PASSWORD));
  const replay = await actor.verify(high.requirementId, "backup_code", code);
  expectRefused(replay);
  expect(requirementRow(high.requirementId)?.status).toBe("pending");
});

test("R-32 an email code issued for one requirement does not verify another", async () => {
  const actor = await signedIn("emailBinding");
  const first = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  const second = stepUpOf(await actor.mutation("account.changeEmail", { email: actor.email }));
  const code = await actor.emailCode(first.requirementId);
  const crossed = await actor.verify(second.requirementId, "email_code", code);
  expectRefused(crossed);
  expect(requirementRow(second.requirementId)?.status).toBe("pending");
  expect(latestEmailCode(actor.email)).toBe(code);
});
