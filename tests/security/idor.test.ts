import { expect, test } from "@playwright/test";
import { SECURITY_PASSWORD } from "./support/accounts";
import { countOutbox, requirementRow } from "./support/db";
import { dataOf } from "./support/http";
import { signedIn, stepUpOf, transfer } from "./support/step-up";

/** Someone else's requirement, device or passkey id gets "not found", and nothing changes (ASVS 8.2.2). */

async function ownersRequirement() {
  const owner = await signedIn("idorOwner");
  const stepUp = stepUpOf(await owner.mutation("transfers.create", transfer(1)));
  return { owner, requirementId: stepUp.requirementId };
}

test("R-16 verifying another user's requirement id is 404 and leaves it untouched", async () => {
  const { requirementId } = await ownersRequirement();
  const attacker = await signedIn("idorAttacker");
  const result = await attacker.verify(requirementId, "password", SECURITY_PASSWORD);
  expect(result.status).toBe(404);
  expect(requirementRow(requirementId)).toEqual({ status: "pending", failedAttempts: 0 });
});

test("R-17 cancelling another user's requirement id is 404 and leaves it pending", async () => {
  const { requirementId } = await ownersRequirement();
  const attacker = await signedIn("idorAttacker");
  expect((await attacker.mutation("stepUp.cancel", { requirementId })).status).toBe(404);
  expect(requirementRow(requirementId)?.status).toBe("pending");
});

test("R-18 asking for an email code on another user's requirement is 404 and sends nothing", async () => {
  const { owner, requirementId } = await ownersRequirement();
  const attacker = await signedIn("idorAttacker");
  const before = [countOutbox(owner.email), countOutbox(attacker.email)];
  const result = await attacker.mutation("stepUp.challenge", { requirementId, method: "email_code" });
  expect(result.status).toBe(404);
  expect([countOutbox(owner.email), countOutbox(attacker.email)]).toEqual(before);
});

test("R-19 reading another user's requirement is 404", async () => {
  const { requirementId } = await ownersRequirement();
  const attacker = await signedIn("idorAttacker");
  expect((await attacker.query("stepUp.requirement", { requirementId })).status).toBe(404);
});

test("R-20 renaming another user's passkey is refused and the name stays", async () => {
  const owner = await signedIn("passkeyOwner");
  await owner.registerPasskey("Owner key");
  const attacker = await signedIn("passkeyAttacker");
  const result = await attacker.mutation("stepUp.security.passkeys.rename", { id: owner.passkeyId, name: "pwned" });
  expect(result.ok).toBe(false);
  const overview = dataOf(
    await owner.query<{ passkeys: Array<{ id: string; name: string }> }>("stepUp.security.overview"),
  );
  expect(overview.passkeys.find((p) => p.id === owner.passkeyId)?.name).toBe("Owner key");
});

test("R-21 removing another user's passkey, even after the attacker's own high step-up, is refused", async () => {
  const owner = await signedIn("passkeyOwner2");
  await owner.registerPasskey();
  const attacker = await signedIn("passkeyAttacker2");
  const result = await attacker.withStepUp("stepUp.security.passkeys.remove", { id: owner.passkeyId }, [
    "password",
    "backup_code",
  ]);
  expect(result.ok).toBe(false);
  expect(result.status).toBe(404);
  const overview = dataOf(await owner.query<{ passkeys: Array<{ id: string }> }>("stepUp.security.overview"));
  expect(overview.passkeys.map((p) => p.id)).toContain(owner.passkeyId);
});
