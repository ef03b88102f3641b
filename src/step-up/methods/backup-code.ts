import "server-only";
import { sha256Hex } from "@/server/crypto";
import { claimBackupCode } from "../server/store/credentials";
import { VERIFIED, failed, type Verifier } from "./verifier";

/** Codes are shown as `xxxxx-xxxxx`; case, spaces and dashes do not matter when typed. */
export function normalizeBackupCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export function hashBackupCode(code: string): string {
  // Backup codes carry ~50 bits of randomness, so a fast hash is enough (unlike passwords).
  return sha256Hex(normalizeBackupCode(code));
}

export const backupCodeVerifier: Verifier = {
  method: "backup_code",
  async verify({ db, userId, now }, credential) {
    const normalized = normalizeBackupCode(credential);
    if (!/^[a-z0-9]{10}$/.test(normalized)) return failed("malformed");
    return (await claimBackupCode(db, userId, hashBackupCode(normalized), now)) ? VERIFIED : failed("invalid");
  },
};
