import { expect, test } from "@playwright/test";
import { SECURITY_PASSWORD } from "./support/accounts";
import { userIdOf } from "./support/db";
import { Client, dataOf } from "./support/http";
import { signedIn, stepUpOf } from "./support/step-up";

/** SEC-09 and SEC-10 (docs/security.md) and the session invariants that hold today (ASVS V7). */

test("SEC-09 a password change signs out the user's other sessions", async () => {
  const other = await signedIn("passwordChange");
  const changer = await signedIn("passwordChange");
  const changed = await changer.withStepUp("account.changePassword", { newPassword: SECURITY_PASSWORD }, [
    "password",
    "backup_code",
  ]);
  dataOf(changed, "changePassword");
  const stale = await other.query("profile.get");
  expect(stale.ok).toBe(false);
  expect(stale.status).toBe(401);
});

test("SEC-10 removing a factor (TOTP) signs out the user's other sessions", async () => {
  const other = await signedIn("factorRemoval");
  const remover = await signedIn("factorRemoval");
  dataOf(
    await remover.withStepUp("stepUp.security.totp.remove", undefined, ["password", "backup_code"]),
    "totp.remove",
  );
  const stale = await other.query("profile.get");
  expect(stale.ok).toBe(false);
  expect(stale.status).toBe(401);
});

test("R-01 a signed-out session token replayed later is refused", async () => {
  const actor = await signedIn("signedOut");
  const token = actor.client.cookies.get("session")!;
  dataOf(await actor.mutation("auth.signOut"), "signOut");
  const replay = new Client();
  replay.cookies.set("session", token);
  expect(dataOf(await replay.query("auth.me"))).toBeNull();
  expect((await replay.query("profile.get")).status).toBe(401);
});

test("R-02 session fixation: a session cookie planted before sign-in is not adopted", async () => {
  const planted = "attacker-chosen-session-token-0123456789";
  const victim = new Client();
  victim.cookies.set("session", planted);
  dataOf(await victim.signIn("sec-fixation@example.test", SECURITY_PASSWORD), "sign-in");
  expect(victim.cookies.get("session")).toBeTruthy();
  expect(victim.cookies.get("session")).not.toBe(planted);
  const attacker = new Client();
  attacker.cookies.set("session", planted);
  expect(dataOf(await attacker.query("auth.me"))).toBeNull();
});

test("R-03 identity from headers (X-User-ID and friends) is ignored", async () => {
  const victimId = userIdOf("sec-header-identity@example.test");
  const headers = {
    "x-user-id": victimId,
    "x-user-email": "sec-header-identity@example.test",
    "x-forwarded-user": "sec-header-identity@example.test",
    "x-remote-user": victimId,
    authorization: `Bearer ${victimId}`,
  };
  const anonymous = new Client();
  expect(dataOf(await anonymous.query("auth.me", undefined, { headers }))).toBeNull();
  expect((await anonymous.query("profile.get", undefined, { headers })).status).toBe(401);
  const someoneElse = await signedIn("validation");
  const me = dataOf(await someoneElse.query<{ id: string }>("profile.get", undefined, { headers }));
  expect(me.id).not.toBe(victimId);
});

test("R-04 a high grant earned in one session does not satisfy another session of the same user", async () => {
  const first = await signedIn("grantSession");
  dataOf(await first.withStepUp("apiKeys.create", { name: "catalog" }, ["password", "backup_code"]), "apiKeys.create");
  const second = await signedIn("grantSession");
  const stepUp = stepUpOf(await second.mutation("apiKeys.create", { name: "catalog" }));
  expect(stepUp.level).toBe("high");
});

test("R-05 a requirement cannot be verified from another session of the same user", async () => {
  const owner = await signedIn("sessionBound");
  const stepUp = stepUpOf(await owner.mutation("apiKeys.create", { name: "catalog" }));
  const otherSession = await signedIn("sessionBound");
  const stolen = await otherSession.verify(stepUp.requirementId, "password", SECURITY_PASSWORD);
  expect(stolen.ok).toBe(false);
  expect(stolen.status).toBe(404);
  // Positive control: the session that was refused can still verify it.
  const own = await owner.verify(stepUp.requirementId, "password", SECURITY_PASSWORD);
  expect(own.ok).toBe(true);
});
