import "server-only";
import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import type { StepUpLevel } from "../../engine";
import {
  getUserPasskey,
  getWebAuthnChallenge,
  listPasskeyCredentials,
  recordPasskeyUse,
  storeWebAuthnChallenge,
  takeWebAuthnChallenge,
} from "./store";
import { challengeCommitsTo, createBoundChallenge } from "./binding";
import { checkAssertion, isCounterRegression, parseAssertion } from "./assertion";
import { failed, verifiedOnceClaimed, type Verifier, type VerifyContext, type VerifyResult } from "../verifier";

export const PASSKEY_TIMEOUT_MS = 60_000;

/** docs/design.md: critical = passkey *with user verification* (PIN or biometric), not mere presence. */
export function requiresUserVerification(level: StepUpLevel): boolean {
  return level === "critical";
}

export const passkeyVerifier: Verifier = {
  id: "passkey",

  /**
   * A fresh challenge per call; storing it replaces (kills) the previous one. For a critical call it is
   * nonce ‖ SHA-256(call binding): the signature then covers exactly the operation shown (ADR 022).
   */
  async issue({ db, userId, requirementId, level, relyingParty, callBinding }) {
    const passkeys = await listPasskeyCredentials(db, userId);
    if (passkeys.length === 0) return { ok: false, failure: "not_enrolled" };
    const options = await generateAuthenticationOptions({
      rpID: relyingParty.id,
      // Only this user's passkeys: the browser never offers someone else's.
      allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
      userVerification: requiresUserVerification(level) ? "required" : "preferred",
      timeout: PASSKEY_TIMEOUT_MS,
      ...(callBinding ? { challenge: createBoundChallenge(callBinding) } : {}),
    });
    if (!(await storeWebAuthnChallenge(db, requirementId, options.challenge)))
      return { ok: false, failure: "unavailable" };
    return { ok: true, challenge: { method: "passkey", options, summary: callBinding?.summary ?? null } };
  },

  async verify(context, credential) {
    const { db, requirementId } = context;
    const challenge = await getWebAuthnChallenge(db, requirementId);
    // One challenge verifies one response, accepted or not: a refused response uses it up now, an accepted one
    // in the transaction that records the method (its claim), so it is never spent without counting (ADR 028).
    const spend = async () => {
      if (challenge) await takeWebAuthnChallenge(db, requirementId, challenge);
    };
    const result = await checkResponse(context, credential, challenge).catch(async (error: unknown) => {
      await spend().catch(() => undefined);
      throw error;
    });
    if (!result.ok) await spend();
    return result;
  },
};

/** Checks a response against the challenge read for it (null: none was issued, or it was used). */
async function checkResponse(
  { db, userId, requirementId, level, relyingParty, now, callBinding }: VerifyContext,
  credential: string,
  challenge: string | null,
): Promise<VerifyResult> {
  const response = parseAssertion(credential);
  if (!response) return failed("malformed");
  const requireUserVerification = requiresUserVerification(level);
  const checked = checkAssertion(response, {
    challenge,
    origins: relyingParty.origins,
    rpId: relyingParty.id,
    requireUserVerification,
  });
  if ("failure" in checked) return failed(checked.failure);
  if (challenge === null) return failed("challenge_reused"); // checked above; narrows the type
  // Equal to the stored challenge (checked above); it must also commit to this requirement's call.
  const commits = (signed: string) =>
    signed === challenge && (callBinding === null || challengeCommitsTo(signed, callBinding));
  if (!commits(checked.facts.challenge)) return failed("binding_mismatch");
  const passkey = await getUserPasskey(db, userId, response.id);
  if (!passkey) return failed("unknown_credential");

  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      // The library re-checks the signed challenge with the same predicate.
      expectedChallenge: commits,
      expectedOrigin: relyingParty.origins,
      expectedRPID: relyingParty.id,
      requireUserVerification,
      // Counter 0 here: we check the counter ourselves, after the signature, so that only a
      // genuinely signed stale counter is reported as a possible clone.
      credential: {
        id: passkey.credentialId,
        publicKey: passkey.publicKey,
        counter: 0,
        transports: passkey.transports,
      },
    });
  } catch {
    // Never forward the library's message; the checks above already named the expected causes.
    return failed("invalid");
  }
  if (!verification.verified) return failed("bad_signature");
  const { newCounter, credentialBackedUp } = verification.authenticationInfo;
  if (isCounterRegression(passkey.counter, newCounter)) {
    return failed("counter_regression", {
      passkeyId: passkey.id,
      storedCounter: passkey.counter,
      receivedCounter: newCounter,
    });
  }
  return verifiedOnceClaimed(
    async (tx) =>
      (await takeWebAuthnChallenge(tx, requirementId, challenge)) &&
      recordPasskeyUse(tx, {
        passkeyId: passkey.id,
        previousCounter: passkey.counter,
        newCounter,
        backedUp: credentialBackedUp,
        now,
      }),
  );
}
