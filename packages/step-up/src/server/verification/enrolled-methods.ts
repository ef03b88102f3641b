import "server-only";
import type { MethodId } from "../../engine";
import type { Database, Transaction } from "../db";
import type { StepUpUsers } from "../ports";

/**
 * Methods a user can verify with now: enrolled factors, plus email codes to their address when the
 * server has a mailer (without one, email codes are never offered).
 */
export async function loadEnrolledMethods(
  db: Database,
  userId: string,
  options: { mailer: boolean; users: StepUpUsers },
): Promise<Set<MethodId>> {
  const [user, totp, passkeys, backupCodes] = await Promise.all([
    options.users.find(userId),
    db.stepUpTotpCredential.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    db.stepUpPasskey.count({ where: { userId } }),
    db.stepUpBackupCode.count({ where: { userId, usedAt: null } }),
  ]);
  const methods = new Set<MethodId>();
  if (!user) return methods;
  if (user.hasPassword !== false) methods.add("password");
  if (totp?.confirmedAt) methods.add("totp");
  if (backupCodes > 0) methods.add("backup_code");
  if (passkeys > 0) methods.add("passkey");
  if (user.email && options.mailer) methods.add("email_code");
  return methods;
}

export async function countRecentFailures(db: Database, userId: string, since: Date): Promise<number> {
  return db.stepUpAttempt.count({ where: { userId, success: false, createdAt: { gte: since } } });
}

export async function getConfirmedTotp(
  db: Database,
  userId: string,
): Promise<{ secretEncrypted: string; lastUsedStep: number | null } | null> {
  const totp = await db.stepUpTotpCredential.findUnique({ where: { userId } });
  return totp?.confirmedAt ? { secretEncrypted: totp.secretEncrypted, lastUsedStep: totp.lastUsedStep } : null;
}

/** Records an accepted TOTP time step; false when that step (or a later one) was already used: a replay. */
export async function claimTotpStep(db: Database | Transaction, userId: string, timeStep: number): Promise<boolean> {
  const { count } = await db.stepUpTotpCredential.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: timeStep } }] },
    data: { lastUsedStep: timeStep },
  });
  return count === 1;
}

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
