import "server-only";
import type { Database, Transaction } from "../ports";

export async function getConfirmedTotp(
  db: Database,
  userId: string,
): Promise<{ secretEncrypted: string; lastUsedStep: number | null } | null> {
  const totp = await db.stepUpTotpCredential.findUnique({ where: { userId } });
  return totp?.confirmedAt ? { secretEncrypted: totp.secretEncrypted, lastUsedStep: totp.lastUsedStep } : null;
}

/** When the user's authenticator app was confirmed, or null when none is (or only a pending one). */
export async function getTotpConfirmedAt(db: Database, userId: string): Promise<Date | null> {
  const totp = await db.stepUpTotpCredential.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return totp?.confirmedAt ?? null;
}

/** Records an accepted TOTP time step; false when that step (or a later one) was already used: a replay. */
export async function claimTotpStep(db: Database | Transaction, userId: string, timeStep: number): Promise<boolean> {
  const { count } = await db.stepUpTotpCredential.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: timeStep } }] },
    data: { lastUsedStep: timeStep },
  });
  return count === 1;
}

/** Saves a confirmed secret (replacing any previous one); the confirming code's step counts as used. */
export async function saveConfirmedTotp(
  tx: Transaction,
  options: { userId: string; secretEncrypted: string; timeStep: number; now: Date },
): Promise<void> {
  const { userId, now } = options;
  const data = {
    secretEncrypted: options.secretEncrypted,
    confirmedAt: now,
    lastUsedStep: options.timeStep,
    createdAt: now,
  };
  await tx.stepUpTotpCredential.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

/** Deletes the user's authenticator app; false when there was none. */
export async function deleteTotp(tx: Transaction, userId: string): Promise<boolean> {
  const { count } = await tx.stepUpTotpCredential.deleteMany({ where: { userId } });
  return count > 0;
}
