import "server-only";
import { createHash } from "node:crypto";
import type { StepUpCrypto } from "../ports";
import { failed, verifiedOnceClaimed, type Verifier } from "../verifier";
import { claimBackupCode, findUnusedBackupCode } from "./store";

/** Codes are shown as `xxxxx-xxxxx`; case, spaces and dashes do not matter when typed. */
export function normalizeBackupCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

/**
 * How a code is stored: HMAC under the server secret, bound to the user. ~49 bits of randomness fall to a
 * plain hash from a database dump in hours; without the key they do not, and equal codes of two users differ.
 */
export function hashBackupCode(crypto: StepUpCrypto, userId: string, code: string): string {
  return `k1:${crypto.keyedHash("backup-code", `${userId}:${normalizeBackupCode(code)}`)}`;
}

/** The unkeyed form stored before `k1:`; still accepted (each such row works once) until the codes are renewed. */
export function legacyBackupCodeHash(code: string): string {
  return createHash("sha256").update(normalizeBackupCode(code)).digest("hex");
}

export const backupCodeVerifier: Verifier = {
  id: "backup_code",
  async verify({ db, crypto, userId, now }, credential) {
    const normalized = normalizeBackupCode(credential);
    if (!/^[a-z0-9]{10}$/.test(normalized)) return failed("malformed");
    const hashes = [hashBackupCode(crypto, userId, normalized), legacyBackupCodeHash(normalized)];
    const codeId = await findUnusedBackupCode(db, userId, hashes);
    if (!codeId) return failed("invalid");
    // Used up in the transaction that records it (ADR 028); of two concurrent uses the loser fails.
    return verifiedOnceClaimed((tx) => claimBackupCode(tx, codeId, now));
  },
};
