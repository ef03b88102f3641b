import "server-only";
import type { Database, Transaction } from "../db";
import { auditOrigin, writeAudit } from "../audit/audit";
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
  return row
    ? {
        codeHash: row.emailCodeHash,
        sentAt: row.emailCodeSentAt,
        expiresAt: row.emailCodeExpiresAt,
        sendCount: row.emailCodeSendCount,
      }
    : null;
}

export interface StoreEmailCodeOptions {
  requirementId: string;
  codeHash: string;
  now: Date;
  expiresAt: Date;
  minIntervalMs: number;
  maxSends: number;
}

/**
 * Stores a new code (replacing the previous one) only when the throttle allows: the conditions are
 * in the update itself, so two resends racing cannot both pass.
 */
export async function storeEmailCode(db: Database, options: StoreEmailCodeOptions): Promise<boolean> {
  const { now } = options;
  const { count } = await db.stepUpRequirement.updateMany({
    where: {
      id: options.requirementId,
      status: "pending",
      emailCodeSendCount: { lt: options.maxSends },
      OR: [{ emailCodeSentAt: null }, { emailCodeSentAt: { lte: new Date(now.getTime() - options.minIntervalMs) } }],
    },
    data: {
      emailCodeHash: options.codeHash,
      emailCodeSentAt: now,
      emailCodeExpiresAt: options.expiresAt,
      emailCodeSendCount: { increment: 1 },
    },
  });
  return count === 1;
}

/** The mail could not be sent: the stored code dies and the send does not count against the throttle. */
export async function releaseEmailCode(
  db: Database,
  options: { requirementId: string; codeHash: string; previous: EmailCodeState },
): Promise<void> {
  await db.stepUpRequirement.updateMany({
    where: { id: options.requirementId, emailCodeHash: options.codeHash },
    data: {
      emailCodeHash: null,
      emailCodeSentAt: options.previous.sentAt,
      emailCodeExpiresAt: null,
      emailCodeSendCount: options.previous.sendCount,
    },
  });
}

/** Audited once the mailer accepted the message (the address masked, never the code). */
export async function recordEmailCodeSent(
  db: Database,
  options: {
    requirementId: string;
    userId: string;
    organizationId: string | null;
    request: RequestInfo;
    sentTo: string;
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await writeAudit(tx, {
      type: "stepup.email_code_sent",
      ...auditOrigin(options),
      data: {
        requirementId: options.requirementId,
        sentTo: options.sentTo,
        expiresAt: options.expiresAt.toISOString(),
      },
    });
  });
}

/** Uses the code up: succeeds for exactly one of any number of concurrent correct submissions. */
export async function claimEmailCode(
  db: Database | Transaction,
  requirementId: string,
  codeHash: string,
): Promise<boolean> {
  const { count } = await db.stepUpRequirement.updateMany({
    where: { id: requirementId, emailCodeHash: codeHash },
    data: { emailCodeHash: null },
  });
  return count === 1;
}

export async function clearEmailCode(db: Database, requirementId: string): Promise<void> {
  await db.stepUpRequirement.updateMany({ where: { id: requirementId }, data: { emailCodeHash: null } });
}
