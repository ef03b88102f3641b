import { expect, test } from "@playwright/test";
import { countAudit, passkeyCount, requirementRow } from "./support/db";
import { dataOf } from "./support/http";
import { signedIn, stepUpOf, transfer, type Actor } from "./support/step-up";
import { createSoftwareAuthenticator, type CeremonyOverrides } from "../integration/support/authenticator";

/**
 * Passkey assertions from the software authenticator, each wrong in one way, against a critical
 * transfer. Every one is refused, the requirement stays unfulfilled and the call stays refused
 * (ASVS 6.5.1, 6.7.2; NIST SP 800-63B-4 phishing resistance and replay resistance).
 */
async function criticalRequirement(actor: Actor) {
  await actor.registerPasskey();
  const stepUp = stepUpOf(await actor.mutation("transfers.create", transfer(10_000)));
  expect(stepUp.level).toBe("critical");
  return stepUp.requirementId;
}

async function expectRefusedAssertion(actor: Actor, overrides: CeremonyOverrides) {
  const requirementId = await criticalRequirement(actor);
  const credential = await actor.passkeyAssertion(requirementId, overrides);
  const result = await actor.verify(requirementId, "passkey", credential);
  expect(result.ok).toBe(false);
  expect(result.ok ? null : result.error.data.stepUp?.code).toBe("INVALID_CREDENTIAL");
  expect(requirementRow(requirementId)?.status).toBe("pending");
  expect(stepUpOf(await actor.mutation("transfers.create", transfer(10_000))).level).toBe("critical");
}

test("R-35 a passkey assertion made for another origin (phishing site) is refused", async () => {
  await expectRefusedAssertion(await signedIn("webauthnOrigin"), { origin: "https://evil.example" });
});

test("R-36 a passkey assertion for another rp ID is refused", async () => {
  await expectRefusedAssertion(await signedIn("webauthnRpId"), { rpId: "evil.example" });
});

test("R-37 a passkey assertion without user verification is refused at critical", async () => {
  await expectRefusedAssertion(await signedIn("webauthnUv"), { userVerified: false });
});

test("R-38 a passkey assertion whose signature counter went backwards is refused and audited", async () => {
  const actor = await signedIn("webauthnCounter");
  // Registration left the stored counter at 1; a clone would report 1 again.
  await expectRefusedAssertion(actor, { counter: 1 });
  expect(countAudit("stepup.passkey_counter_regression", actor.userId)).toBeGreaterThan(0);
});

test("R-39 a passkey assertion accepted once cannot be replayed for the next requirement", async () => {
  const actor = await signedIn("webauthnReplay");
  const first = await criticalRequirement(actor);
  const credential = await actor.passkeyAssertion(first);
  expect(dataOf(await actor.verify(first, "passkey", credential)).status).toBe("fulfilled");
  const second = stepUpOf(await actor.mutation("transfers.create", transfer(20_000))).requirementId;
  await actor.passkeyAssertion(second); // a live challenge for the second requirement
  const replay = await actor.verify(second, "passkey", credential);
  expect(replay.ok ? null : replay.error.data.stepUp?.code).toBe("INVALID_CREDENTIAL");
  expect(requirementRow(second)?.status).toBe("pending");
});

test("R-40 a passkey registration made for another origin is refused at enrollment", async () => {
  const actor = await signedIn("webauthnRegistration");
  const begun = dataOf(
    await actor.withStepUp<{ options: Parameters<NonNullable<Actor["authenticator"]>["register"]>[0] }>(
      "stepUp.security.passkeys.beginRegistration",
      undefined,
      ["password", "backup_code"],
    ),
  );
  const response = JSON.stringify(
    createSoftwareAuthenticator().register(begun.options, { origin: "https://evil.example" }),
  );
  const finished = await actor.mutation("stepUp.security.passkeys.finishRegistration", { name: "Phished", response });
  expect(finished.status).toBe(400);
  expect(passkeyCount(actor.email)).toBe(0);
});
