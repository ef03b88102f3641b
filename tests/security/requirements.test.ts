import { expect, test } from "@playwright/test";
import { SECURITY_PASSWORD } from "./support/accounts";
import { expireRequirement, requirementRow } from "./support/db";
import { dataOf } from "./support/http";
import { signedIn, stepUpOf, transfer } from "./support/step-up";

/** A requirement is verified only while pending, only with its own combinations, and only so often (ASVS 6.3.1). */

test("R-41 guessing a requirement's password locks it (429 + Retry-After), and then even the right one fails", async () => {
  const actor = await signedIn("lockout");
  const { requirementId } = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  let locked = null;
  for (let i = 0; i < 10 && !locked; i++) {
    const result = await actor.verify(requirementId, "password", `wrong-${i}`);
    expect(result.ok).toBe(false);
    if (result.status === 429) locked = result;
  }
  expect(locked, "no lock after 10 wrong passwords").not.toBeNull();
  expect(Number(locked!.headers["retry-after"])).toBeGreaterThan(0);
  const right = await actor.verify(requirementId, "password", SECURITY_PASSWORD);
  expect(right.status).toBe(429);
  expect(requirementRow(requirementId)?.status).toBe("pending");
});

test("R-42 a method outside the requirement's combinations (email code at high) is refused", async () => {
  const actor = await signedIn("methodNotAllowed");
  const stepUp = stepUpOf(await actor.mutation("apiKeys.create", { name: "catalog" }));
  expect(stepUp.methods.flat()).not.toContain("email_code");
  const challenge = await actor.mutation("stepUp.challenge", {
    requirementId: stepUp.requirementId,
    method: "email_code",
  });
  expect(challenge.ok ? null : challenge.error.data.stepUp?.code).toBe("METHOD_NOT_ALLOWED");
  const verify = await actor.verify(stepUp.requirementId, "email_code", "123456");
  expect(verify.ok ? null : verify.error.data.stepUp?.code).toBe("METHOD_NOT_ALLOWED");
});

test("R-43 half of a two-factor combination (password without TOTP) does not clear high", async () => {
  const actor = await signedIn("halfCombination");
  const stepUp = stepUpOf(await actor.mutation("apiKeys.create", { name: "catalog" }));
  const half = dataOf(await actor.verify(stepUp.requirementId, "password", SECURITY_PASSWORD));
  expect(half.status).toBe("pending");
  expect(stepUpOf(await actor.mutation("apiKeys.create", { name: "catalog" })).level).toBe("high");
});

test("R-44 an expired requirement cannot be verified, and the call stays refused", async () => {
  const actor = await signedIn("expired");
  const { requirementId } = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  expireRequirement(requirementId);
  const result = await actor.verify(requirementId, "password", SECURITY_PASSWORD);
  expect(result.ok ? null : result.error.data.stepUp?.code).toBe("EXPIRED");
  expect(stepUpOf(await actor.mutation("transfers.create", transfer(1))).level).toBe("medium");
});

test("R-45 a cancelled requirement cannot be verified afterwards", async () => {
  const actor = await signedIn("cancelled");
  const { requirementId } = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  expect(dataOf(await actor.mutation<{ status: string }>("stepUp.cancel", { requirementId })).status).toBe("cancelled");
  const result = await actor.verify(requirementId, "password", SECURITY_PASSWORD);
  expect(result.ok).toBe(false);
  expect(requirementRow(requirementId)?.status).toBe("cancelled");
  expect(stepUpOf(await actor.mutation("transfers.create", transfer(1))).level).toBe("medium");
});
