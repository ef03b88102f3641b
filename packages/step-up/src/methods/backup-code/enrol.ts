import "server-only";
import { randomInt } from "node:crypto";
import { hashBackupCode } from "./verify";
import type { EnrollmentContext } from "../../server/enrollment/context";
import { recordFactorChange } from "../../server/enrollment/store";

export const BACKUP_CODE_COUNT = 10;
// No 0/o, 1/l/i or u: codes are read off paper. 30 symbols × 10 characters ≈ 49 bits each.
const ALPHABET = "abcdefghjkmnpqrstvwxyz23456789";

/** `xxxxx-xxxxx`, the format backup-code.ts normalises. */
export function generateBackupCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** Replaces every backup code of the user with ten new ones, returned once and stored only hashed. */
export async function regenerateBackupCodes(context: EnrollmentContext): Promise<{ codes: string[] }> {
  const { db, session, now } = context;
  const codes = new Set<string>();
  while (codes.size < BACKUP_CODE_COUNT) codes.add(generateBackupCode());
  await db.$transaction(async (tx) => {
    const removed = await tx.stepUpBackupCode.deleteMany({ where: { userId: session.userId } });
    await tx.stepUpBackupCode.createMany({
      data: [...codes].map((code) => ({
        userId: session.userId,
        codeHash: hashBackupCode(context.services.crypto, session.userId, code),
        createdAt: now,
      })),
    });
    await recordFactorChange(tx, context, {
      type: "credential.backup_codes_generated",
      data: { kind: "backup_code", count: BACKUP_CODE_COUNT, replaced: removed.count },
    });
  });
  return { codes: [...codes] };
}
