import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import canonicalize from "canonicalize";

/** What a critical requirement's passkey challenge commits to: the call's hash and the summary shown. */
export interface CallBinding {
  callHash: string;
  summary: string | null;
}

const NONCE_BYTES = 32;
const DIGEST_BYTES = 32;

/** SHA-256 of the canonical JSON (RFC 8785) of {callHash, summary}: the challenge's suffix (ADR 022). */
export function bindingDigest(binding: CallBinding): Buffer {
  const text = canonicalize({ callHash: binding.callHash, summary: binding.summary }) ?? "";
  return createHash("sha256").update(text).digest();
}

/** A fresh challenge for a critical call: random nonce ‖ SHA-256(binding), so the signature covers the call. */
export function createBoundChallenge(binding: CallBinding): Uint8Array<ArrayBuffer> {
  const challenge = new Uint8Array(NONCE_BYTES + DIGEST_BYTES);
  challenge.set(randomBytes(NONCE_BYTES), 0);
  challenge.set(bindingDigest(binding), NONCE_BYTES);
  return challenge;
}

/**
 * Whether a base64url challenge (as the authenticator signed it in clientDataJSON) ends with the
 * digest of this binding. The binding is recomputed from the requirement, never read from the client.
 */
export function challengeCommitsTo(challenge: string, binding: CallBinding): boolean {
  let bytes: Uint8Array;
  try {
    bytes = isoBase64URL.toBuffer(challenge);
  } catch {
    return false;
  }
  if (bytes.length !== NONCE_BYTES + DIGEST_BYTES) return false;
  return timingSafeEqual(Buffer.from(bytes.subarray(NONCE_BYTES)), bindingDigest(binding));
}
