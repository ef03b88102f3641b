import "server-only";
import type { Database } from "@/server/db";
import { writeAudit } from "./audit";
import type { RequestInfo } from "./requirements";

export interface EmailCodeState {
  codeHash: string | null;
  sentAt: Date | null;
  expiresAt: Date | null;
  sendCount: number;
}

export async function getEmailCodeState(db: Database, requirementId: string): Promise<EmailCodeState | null> {
  const row = await db.stepUpRequirement.findUnique({
    where: { id: requirementId },
    select: { emailCodeHash: true, emailCodeSentAt: true, emailCodeExpiresAt: true, emailCodeSendCount: true },
  });
  return row ? { codeHash: row.emailCodeHash, sentAt: row.emailCodeSentAt, expiresAt: row.emailCodeExpiresAt, sendCount: row.emailCodeSendCount } : null;
}

export interface StoreEmailCodeOptions {
  requirementId: string;
  userId: string;
  organizationId: string | null;
  request: RequestInfo;
  codeHash: string;
  sentTo: string;
  now: Date;
  expiresAt: Date;
  minIntervalMs: number;
  maxSends: number;
}

/**
 * Stores a new code (replacing the previous one) and audits it, only when the throttle allows:
 * the conditions are in the update itself, so two resends racing cannot both pass.
 */
export async function storeEmailCode(db: Database, options: StoreEmailCodeOptions): Promise<boolean> {
  const { now } = options;
  return db.$transaction(async (tx) => {
    const { count } = await tx.stepUpRequirement.updateMany({
      where: {
        id: options.requirementId,
        status: "pending",
        emailCodeSendCount: { lt: options.maxSends },
        OR: [{ emailCodeSentAt: null }, { emailCodeSentAt: { lte: new Date(now.getTime() - options.minIntervalMs) } }],
      },
      data: { emailCodeHash: options.codeHash, emailCodeSentAt: now, emailCodeExpiresAt: options.expiresAt, emailCodeSendCount: { increment: 1 } },
    });
    if (count !== 1) return false;
    await writeAudit(tx, {
      type: "stepup.email_code_sent",
      userId: options.userId,
      organizationId: options.organizationId,
      ip: options.request.ip,
      userAgent: options.request.userAgent,
      at: now,
      data: { requirementId: options.requirementId, sentTo: options.sentTo, expiresAt: options.expiresAt.toISOString() },
    });
    return true;
  });
}

/** Uses the code up: succeeds for exactly one of any number of concurrent correct submissions. */
export async function claimEmailCode(db: Database, requirementId: string, codeHash: string): Promise<boolean> {
  const { count } = await db.stepUpRequirement.updateMany({ where: { id: requirementId, emailCodeHash: codeHash }, data: { emailCodeHash: null } });
  return count === 1;
}

export async function clearEmailCode(db: Database, requirementId: string): Promise<void> {
  await db.stepUpRequirement.updateMany({ where: { id: requirementId }, data: { emailCodeHash: null } });
}

export async function getUserEmail(db: Database, userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, deletedAt: true } });
  return user && !user.deletedAt ? user.email : null;
}
