import "server-only";
import { randomInt } from "node:crypto";
import type { MethodEnrolmentContext } from "../ports";
import { replaceBackupCodes } from "./store";
import { hashBackupCode } from "./verify";

export const BACKUP_CODE_COUNT = 10;
// No 0/o, 1/l/i or u: codes are read off paper. 30 symbols × 10 characters ≈ 49 bits each.
const ALPHABET = "abcdefghjkmnpqrstvwxyz23456789";

/** `xxxxx-xxxxx`, the format verify.ts normalises. */
export function generateBackupCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** Replaces every backup code of the user with ten new ones, returned once and stored only hashed. */
export async function regenerateBackupCodes(context: MethodEnrolmentContext): Promise<{ codes: string[] }> {
  const { db, userId, now } = context;
  const codes = new Set<string>();
  while (codes.size < BACKUP_CODE_COUNT) codes.add(generateBackupCode());
  await db.$transaction(async (tx) => {
    const codeHashes = [...codes].map((code) => hashBackupCode(context.crypto, userId, code));
    const replaced = await replaceBackupCodes(tx, { userId, codeHashes, now });
    await context.factors.recordChange(tx, {
      type: "credential.backup_codes_generated",
      data: { kind: "backup_code", count: BACKUP_CODE_COUNT, replaced },
    });
  });
  return { codes: [...codes] };
}
