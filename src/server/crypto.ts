import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** A random token for cookies: 32 bytes, base64url. Store only its sha256. */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// Development key so the demo and the tests run without set-up. It is public (it is in the source), so
// production refuses it unless STEP_UP_ALLOW_DEV_KEY=1 says, explicitly, that this is a throwaway demo.
const DEV_KEY_HEX = "5f1d3c0b9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060504";
let warnedDevKey = false;

/** The key the demo passes to createStepUp as `secret` (64 hex characters). */
export function demoSecret(): string {
  return encryptionKey().toString("hex");
}

function encryptionKey(): Buffer {
  const env = process.env; // not `process.env.NODE_ENV` literally: `next build` would inline it
  const hex = env.STEP_UP_ENCRYPTION_KEY;
  if (!hex) {
    if (env.NODE_ENV === "production") {
      if (env.STEP_UP_ALLOW_DEV_KEY !== "1")
        throw new Error(
          "STEP_UP_ENCRYPTION_KEY must be set (64 hex characters); STEP_UP_ALLOW_DEV_KEY=1 allows the public development key for a demo",
        );
      warnDevKeyOnce();
    }
    return Buffer.from(DEV_KEY_HEX, "hex");
  }
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error("STEP_UP_ENCRYPTION_KEY must be 64 hex characters (32 bytes)");
  return Buffer.from(hex, "hex");
}

/** Loud and once per process: TOTP secrets and email-code hashes are then protected by a published key. */
function warnDevKeyOnce(): void {
  if (warnedDevKey) return;
  warnedDevKey = true;
  const line = {
    level: "warn",
    event: "crypto.dev_key_in_production",
    message:
      "Using the public development encryption key in production because STEP_UP_ALLOW_DEV_KEY=1. Demo only: set STEP_UP_ENCRYPTION_KEY.",
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

/**
 * HMAC-SHA256 under a key derived from the encryption key for one `purpose`. For short secrets (a
 * 6-digit code) a plain hash is brute-forced in a second from a database dump; a keyed one is not.
 */
export function keyedHashHex(purpose: string, value: string): string {
  const key = createHmac("sha256", encryptionKey()).update(`step-up:${purpose}`).digest();
  return createHmac("sha256", key).update(value).digest("hex");
}
