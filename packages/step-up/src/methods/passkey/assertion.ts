import "server-only";
import { createHash } from "node:crypto";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { decodeClientDataJSON, isoBase64URL, parseAuthenticatorData } from "@simplewebauthn/server/helpers";
import { z } from "zod/v4";
import type { VerifyFailure } from "../verifier";

const base64url = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[A-Za-z0-9_-]+={0,2}$/);

/** The JSON that @simplewebauthn/browser's startAuthentication() resolves to. */
const assertionSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});

export function parseAssertion(credential: string): AuthenticationResponseJSON | null {
  try {
    const parsed = assertionSchema.safeParse(JSON.parse(credential));
    return parsed.success ? (parsed.data as AuthenticationResponseJSON) : null;
  } catch {
    return null;
  }
}

export interface AssertionExpectation {
  /** The challenge taken from the requirement; null when none was live (already used or never issued). */
  challenge: string | null;
  origins: readonly string[];
  rpId: string;
  requireUserVerification: boolean;
}

export interface AssertionFacts {
  /** The challenge the authenticator signed (clientDataJSON). */
  challenge: string;
  counter: number;
  userVerified: boolean;
}

/**
 * Names the first thing wrong with an assertion, before its signature is checked, so the audit log
 * can say *why* a passkey was refused. The library re-checks all of it (and the signature) afterwards.
 */
export function checkAssertion(
  response: AuthenticationResponseJSON,
  expected: AssertionExpectation,
): { failure: VerifyFailure } | { facts: AssertionFacts } {
  let clientData: { type: string; challenge: string; origin: string };
  let authData: ReturnType<typeof parseAuthenticatorData>;
  try {
    clientData = decodeClientDataJSON(response.response.clientDataJSON);
    authData = parseAuthenticatorData(isoBase64URL.toBuffer(response.response.authenticatorData));
  } catch {
    return { failure: "malformed" };
  }
  if (clientData.type !== "webauthn.get") return { failure: "wrong_type" };
  if (expected.challenge === null) return { failure: "challenge_reused" };
  if (clientData.challenge !== expected.challenge) return { failure: "challenge_mismatch" };
  if (!expected.origins.includes(clientData.origin)) return { failure: "wrong_origin" };
  const rpIdHash = createHash("sha256").update(expected.rpId).digest();
  if (!authData.rpIdHash || !rpIdHash.equals(Buffer.from(authData.rpIdHash))) return { failure: "wrong_rp_id" };
  if (!authData.flags.up) return { failure: "user_presence_missing" };
  if (expected.requireUserVerification && !authData.flags.uv) return { failure: "user_verification_missing" };
  return { facts: { challenge: clientData.challenge, counter: authData.counter, userVerified: authData.flags.uv } };
}

/**
 * A signature counter that does not move forward means the credential may have been cloned.
 * Authenticators that do not count (synced passkeys) always send 0; that is fine while we stored 0 too.
 */
export function isCounterRegression(stored: number, received: number): boolean {
  return (received > 0 || stored > 0) && received <= stored;
}
