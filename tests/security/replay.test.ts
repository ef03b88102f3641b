import { expect, test } from "@playwright/test";
import { SECURITY_PASSWORD } from "./support/accounts";
import { latestEmailCode } from "./support/db";
import { dataOf } from "./support/http";
import { signedIn, stepUpOf, transfer } from "./support/step-up";

/** One-time codes work once, and only for what they were issued for (ASVS 6.5.1, 6.6.2). */

test("R-30 a TOTP code accepted once is refused when replayed for the next requirement", async () => {
  const actor = await signedIn("totpReplay");
  const medium = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  const code = await actor.totp();
  expect(dataOf(await actor.verify(medium.requirementId, "totp", code)).status).toBe("fulfilled");
  const high = stepUpOf(await actor.mutation("apiKeys.create", { name: "catalog" }));
  dataOf(await actor.verify(high.requirementId, "password", SECURITY_PASSWORD));
  const replay = await actor.verify(high.requirementId, "totp", code);
  expect(replay.ok).toBe(false);
  expect(replay.ok ? null : replay.error.data.stepUp?.code).toBe("INVALID_CREDENTIAL");
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
  expect(replay.ok ? null : replay.error.data.stepUp?.code).toBe("INVALID_CREDENTIAL");
});

test("R-32 an email code issued for one requirement does not verify another", async () => {
  const actor = await signedIn("emailBinding");
  const first = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  const second = stepUpOf(await actor.mutation("account.changeEmail", { email: actor.email }));
  const code = await actor.emailCode(first.requirementId);
  const crossed = await actor.verify(second.requirementId, "email_code", code);
  expect(crossed.ok ? null : crossed.error.data.stepUp?.code).toBe("INVALID_CREDENTIAL");
  expect(latestEmailCode(actor.email)).toBe(code);
});
