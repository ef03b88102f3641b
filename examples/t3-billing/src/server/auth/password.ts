import "server-only";
import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from "node:crypto";

// Node's scrypt defaults (N=16384, r=8, p=1); a 16-byte salt and a 64-byte key, stored as "salt:key" in hex.
const KEY_LENGTH = 64;

function derive(password: string, salt: BinaryLike): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `${salt.toString("hex")}:${(await derive(password, salt)).toString("hex")}`;
}

/** Constant-time comparison; a malformed digest counts as a mismatch. */
export async function verifyPassword(digest: string, password: string): Promise<boolean> {
  const [salt, key] = digest.split(":");
  if (!salt || !key) return false;
  const expected = Buffer.from(key, "hex");
  if (expected.length !== KEY_LENGTH) return false;
  return timingSafeEqual(expected, await derive(password, Buffer.from(salt, "hex")));
}

/** Compared against when the email is unknown, so a wrong email takes as long as a wrong password. */
export const DECOY_DIGEST = `${"00".repeat(16)}:${"00".repeat(KEY_LENGTH)}`;
