import "server-only";
import type { Database, Transaction } from "../ports";

/** The user's unused backup code stored in one of these forms (keyed, legacy), or null. */
export async function findUnusedBackupCode(db: Database, userId: string, codeHashes: string[]): Promise<string | null> {
  const row = await db.stepUpBackupCode.findFirst({
    where: { userId, codeHash: { in: codeHashes }, usedAt: null },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** Marks a backup code used; false when it was used meanwhile: of two concurrent uses, one wins. */
export async function claimBackupCode(db: Database | Transaction, codeId: string, now: Date): Promise<boolean> {
  const { count } = await db.stepUpBackupCode.updateMany({
    where: { id: codeId, usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

export async function countUnusedBackupCodes(db: Database, userId: string): Promise<number> {
  return db.stepUpBackupCode.count({ where: { userId, usedAt: null } });
}

/** Replaces every backup code of the user with these hashes; returns how many were replaced. */
export async function replaceBackupCodes(
  tx: Transaction,
  options: { userId: string; codeHashes: string[]; now: Date },
): Promise<number> {
  const { userId, now } = options;
  const removed = await tx.stepUpBackupCode.deleteMany({ where: { userId } });
  await tx.stepUpBackupCode.createMany({
    data: options.codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now })),
  });
  return removed.count;
}

/** The security page's section: codes left of the set, and when the set was made. Never a hash. */
export async function getBackupCodeOverview(db: Database, userId: string) {
  const codes = await db.stepUpBackupCode.findMany({ where: { userId }, select: { usedAt: true, createdAt: true } });
  const generatedAt = codes.reduce<Date | null>(
    (latest, c) => (!latest || c.createdAt > latest ? c.createdAt : latest),
    null,
  );
  return { remaining: codes.filter((c) => c.usedAt === null).length, total: codes.length, generatedAt };
}
