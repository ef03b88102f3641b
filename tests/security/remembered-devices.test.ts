import { expect, test } from "@playwright/test";
import { SECURITY_PASSWORD } from "./support/accounts";
import { Client, FIREFOX_UA, dataOf } from "./support/http";
import { signedIn, stepUpOf, transfer, type Actor } from "./support/step-up";

/**
 * SEC-15 and SEC-16 (docs/security.md) and the remembered-device invariants that hold today (docs/design.md,
 * "remembered device").
 */

/** Verifies a medium step-up with "trust this device" and returns the device cookie's value. */
async function rememberAtMedium(actor: Actor): Promise<string> {
  const stepUp = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  expect(stepUp.canRemember).toBe(true);
  const verified = dataOf(await actor.verify(stepUp.requirementId, "password", SECURITY_PASSWORD, true));
  expect(verified.status).toBe("fulfilled");
  const token = actor.client.cookies.get("stepup_device");
  expect(token, "device cookie set").toBeTruthy();
  return token!;
}

/** Verifies a high step-up (API key) with "trust this device". */
async function rememberAtHigh(actor: Actor): Promise<string> {
  const stepUp = stepUpOf(await actor.mutation("apiKeys.create", { name: "catalog" }));
  expect(stepUp.canRemember).toBe(true);
  dataOf(await actor.verify(stepUp.requirementId, "password", SECURITY_PASSWORD, true));
  const verified = dataOf(await actor.verify(stepUp.requirementId, "backup_code", actor.takeBackupCode(), true));
  expect(verified.status).toBe("fulfilled");
  return actor.client.cookies.get("stepup_device")!;
}

test("SEC-15 a remembered-device cookie replayed from another browser (user agent) does not bypass step-up", async () => {
  const owner = await signedIn("deviceThief");
  const token = await rememberAtMedium(owner);
  const thief = await signedIn("deviceThief", { userAgent: FIREFOX_UA });
  thief.client.cookies.set("stepup_device", token);
  const result = await thief.mutation("transfers.create", transfer(1));
  expect(stepUpOf(result).level).toBe("medium");
});

test("SEC-16 a remembered device does not bypass the step-up of a password change", async () => {
  const owner = await signedIn("deviceCredentialChange");
  await rememberAtHigh(owner);
  // A new session on the same browser: only the device cookie vouches for it.
  const again = await signedIn("deviceCredentialChange", { client: owner.client });
  const result = await again.mutation("account.changePassword", { newPassword: SECURITY_PASSWORD });
  expect(stepUpOf(result).level).toBe("high");
});

test("R-06 a remembered device never bypasses critical", async () => {
  const owner = await signedIn("deviceCritical");
  await rememberAtHigh(owner);
  const again = await signedIn("deviceCritical", { client: owner.client });
  expect(stepUpOf(await again.mutation("transfers.create", transfer(20_000))).level).toBe("critical");
});

test("R-07 another user's remembered-device cookie does not bypass step-up", async () => {
  const lender = await signedIn("deviceLender");
  const token = await rememberAtMedium(lender);
  const borrower = await signedIn("deviceBorrower");
  borrower.client.cookies.set("stepup_device", token);
  expect(stepUpOf(await borrower.mutation("transfers.create", transfer(1))).level).toBe("medium");
});

test("R-08 a user cannot forget (revoke) another user's remembered device", async () => {
  const owner = await signedIn("deviceOwner");
  await rememberAtMedium(owner);
  const [device] = dataOf(await owner.query<Array<{ id: string }>>("stepUp.devices"));
  expect(device).toBeTruthy();
  const attacker = await signedIn("deviceAttacker");
  const attempt = await attacker.mutation<{ forgotten: boolean }>("stepUp.forgetDevice", { deviceId: device!.id });
  expect(attempt.ok ? attempt.data.forgotten : false).toBe(false);
  const still = dataOf(await owner.query<Array<{ id: string }>>("stepUp.devices"));
  expect(still.map((d) => d.id)).toContain(device!.id);
});

test("R-09 a remembered-device cookie alone is not a sign-in", async () => {
  // The device token alone (no session) is not a sign-in.
  const owner = await signedIn("deviceSignedOut");
  const token = await rememberAtMedium(owner);
  const anonymous = new Client();
  anonymous.cookies.set("stepup_device", token);
  expect(dataOf(await anonymous.query("auth.me"))).toBeNull();
  expect((await anonymous.mutation("transfers.create", transfer(1))).status).toBe(401);
});
