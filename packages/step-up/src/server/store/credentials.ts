import "server-only";
import type { MethodId } from "../../engine";
import type { Database } from "@/server/db";

/**
 * Methods a user can verify with now: enrolled factors, plus email codes to their address when the
 * server has a mailer (without one, email codes are never offered).
 */
export async function loadEnrolledMethods(
  db: Database,
  userId: string,
  options: { mailer: boolean },
): Promise<Set<MethodId>> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      passwordHash: true,
      email: true,
      totp: { select: { confirmedAt: true } },
      _count: { select: { passkeys: true, backupCodes: { where: { usedAt: null } } } },
    },
  });
  const methods = new Set<MethodId>();
  if (!user) return methods;
  if (user.passwordHash) methods.add("password");
  if (user.totp?.confirmedAt) methods.add("totp");
  if (user._count.backupCodes > 0) methods.add("backup_code");
  if (user._count.passkeys > 0) methods.add("passkey");
  if (user.email && options.mailer) methods.add("email_code");
  return methods;
}

export async function countRecentFailures(db: Database, userId: string, since: Date): Promise<number> {
  return db.stepUpAttempt.count({ where: { userId, success: false, createdAt: { gte: since } } });
}

/** Seconds until the user may try again, or 0 when the user is not locked out of step-up. */
export async function userLockoutSeconds(
  db: Database,
  options: { userId: string; now: Date; maxFailures: number; windowMs: number; lockoutMs: number },
): Promise<number> {
  const since = new Date(options.now.getTime() - options.windowMs);
  const failures = await db.stepUpAttempt.findMany({
    where: { userId: options.userId, success: false, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
    take: options.maxFailures,
  });
  if (failures.length < options.maxFailures) return 0;
  const latest = failures[0]!.createdAt.getTime();
  return Math.max(0, Math.ceil((latest + options.lockoutMs - options.now.getTime()) / 1000));
}

export async function getPasswordHash(db: Database, userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return user?.passwordHash ?? null;
}

export async function getConfirmedTotp(
  db: Database,
  userId: string,
): Promise<{ secretEncrypted: string; lastUsedStep: number | null } | null> {
  const totp = await db.totpCredential.findUnique({ where: { userId } });
  return totp?.confirmedAt ? { secretEncrypted: totp.secretEncrypted, lastUsedStep: totp.lastUsedStep } : null;
}

/** Records an accepted TOTP time step; false when that step (or a later one) was already used: a replay. */
export async function claimTotpStep(db: Database, userId: string, timeStep: number): Promise<boolean> {
  const { count } = await db.totpCredential.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: timeStep } }] },
    data: { lastUsedStep: timeStep },
  });
  return count === 1;
}

/**
 * Marks an unused backup code as used, given the forms it may be stored in (keyed, legacy); false when it
 * does not exist or was used before. One conditional update: of two concurrent uses, one wins.
 */
export async function claimBackupCode(db: Database, userId: string, codeHashes: string[], now: Date): Promise<boolean> {
  const { count } = await db.backupCode.updateMany({
    where: { userId, codeHash: { in: codeHashes }, usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}
