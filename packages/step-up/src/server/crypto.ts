import "server-only";
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

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

/** Encryption (TOTP secrets) and keyed hashes (codes) under the instance's secret. */
export interface StepUpCrypto {
  /** Throws when the secret is missing or malformed (run on the first call, not at import: `next build`). */
  check(): void;
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
  /** HMAC-SHA256 under a key derived for one `purpose`: a 6-digit code's hash resists a dump. */
  keyedHash(purpose: string, value: string): string;
}

/**
 * `secret` is 32 bytes as 64 hex characters (what `openssl rand -hex 32` prints). There is no
 * built-in default: a key in the source would protect nothing (hosts pass their own).
 */
export function createCrypto(secret: string | undefined): StepUpCrypto {
  const key = () => {
    if (!secret)
      throw new Error(
        "createStepUp: `secret` or STEP_UP_SECRET is required (32 bytes as 64 hex characters: `openssl rand -hex 32`)",
      );
    if (!/^[0-9a-f]{64}$/i.test(secret))
      throw new Error("createStepUp: `secret` (STEP_UP_SECRET) must be 64 hex characters (32 bytes)");
    return Buffer.from(secret, "hex");
  };
  return {
    check: () => void key(),
    encrypt: (plaintext) => encrypt(key(), plaintext),
    decrypt: (sealed) => decrypt(key(), sealed),
    keyedHash(purpose, value) {
      const derived = createHmac("sha256", key()).update(`step-up:${purpose}`).digest();
      return createHmac("sha256", derived).update(value).digest("hex");
    },
  };
}

/** AES-256-GCM; output is `v1.<iv>.<tag>.<ciphertext>` in base64url. */
function encrypt(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

function decrypt(key: Buffer, sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !ciphertext) throw new Error("Unrecognised encrypted secret");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
