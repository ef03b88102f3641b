import "server-only";
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { constantTimeEqual, keyedHashHex } from "../crypto";
import type { Database, Transaction } from "../db";
import type { Mailer } from "../mail";
import type { AuditEventInput, StepUp } from "@step-up/next/server";
import type { DemoAuditEventType } from "../audit-events";
import { generateEmailCode, maskEmail } from "./email-code";

export const EMAIL_CHANGE_TTL_MS = 15 * 60_000;
export const EMAIL_CHANGE_RESEND_INTERVAL_MS = 30_000;
export const EMAIL_CHANGE_MAX_ATTEMPTS = 5;

export interface EmailChangeContext {
  db: Database;
  stepUp: Pick<StepUp, "recordEvent">;
  mailer: Mailer | null;
  user: { id: string; email: string };
  organizationId: string | null;
  request: { ip: string | null; userAgent: string | null };
  now: Date;
}

/** What the account page shows: the address waiting for its code, if any. */
export interface PendingEmailChange {
  newEmail: string;
  expiresAt: Date;
}

export async function getPendingEmailChange(
  db: Database,
  userId: string,
  now: Date,
): Promise<PendingEmailChange | null> {
  const row = await db.emailChangeRequest.findUnique({ where: { userId } });
  return row && row.expiresAt > now ? { newEmail: row.newEmail, expiresAt: row.expiresAt } : null;
}

/**
 * Step 1: a code to the new address proves the user can read it. Nothing changes yet; a new
 * request replaces the previous one (its code dies with it).
 */
export async function requestEmailChange(context: EmailChangeContext, newEmail: string): Promise<PendingEmailChange> {
  const { db, mailer, user, now } = context;
  if (newEmail === user.email) throw new TRPCError({ code: "BAD_REQUEST", message: "That is already your email" });
  if (!mailer) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "Email changes need a mail service" });
  await requireAddressFree(db, newEmail, user.id);
  const previous = await db.emailChangeRequest.findUnique({ where: { userId: user.id } });
  if (previous && previous.createdAt.getTime() + EMAIL_CHANGE_RESEND_INTERVAL_MS > now.getTime())
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: "A code was sent a moment ago. Wait before asking again.",
    });

  const id = randomUUID();
  const code = generateEmailCode();
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_MS);
  const data = { id, newEmail, codeHash: hashCode(id, code), failedAttempts: 0, expiresAt, createdAt: now };
  await db.$transaction(async (tx) => {
    await tx.emailChangeRequest.upsert({
      where: { userId: user.id },
      create: { userId: user.id, ...data },
      update: data,
    });
    await record(context, tx, { type: "account.email_change_requested", data: { to: maskEmail(newEmail) } });
  });
  try {
    await mailer.send(
      {
        to: newEmail,
        subject: `Your email change code: ${code}`,
        text: `Enter ${code} on your account page to make this your sign-in email. It expires in 15 minutes. If you did not ask for this, ignore this email.`,
      },
      { db },
    );
  } catch (cause) {
    await db.emailChangeRequest.deleteMany({ where: { id } });
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The code could not be sent. Try again.", cause });
  }
  return { newEmail, expiresAt };
}

/**
 * Step 2: the code from the new inbox changes the address, once. A wrong code counts; the fifth
 * ends the request. The old address is told afterwards, so a hijack does not go unnoticed.
 */
export async function confirmEmailChange(context: EmailChangeContext, newEmail: string, code: string): Promise<void> {
  const { db, user, now } = context;
  const pending = await db.emailChangeRequest.findUnique({ where: { userId: user.id } });
  if (!pending || pending.expiresAt <= now || pending.newEmail !== newEmail)
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Ask for a new code: this change has expired." });
  // Reserve the attempt before comparing, atomically, so parallel guesses cannot exceed the limit.
  const reserved = await db.emailChangeRequest.updateMany({
    where: { id: pending.id, failedAttempts: { lt: EMAIL_CHANGE_MAX_ATTEMPTS } },
    data: { failedAttempts: { increment: 1 } },
  });
  if (reserved.count === 0)
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Too many wrong codes. Ask for a new one." });
  if (!constantTimeEqual(hashCode(pending.id, code), pending.codeHash)) {
    await db.emailChangeRequest.deleteMany({
      where: { id: pending.id, failedAttempts: { gte: EMAIL_CHANGE_MAX_ATTEMPTS } },
    });
    throw new TRPCError({ code: "BAD_REQUEST", message: "That code does not match. Check the email and try again." });
  }
  await db.$transaction(async (tx) => {
    // Single use even under concurrent confirmations: only one delete finds the row.
    const { count } = await tx.emailChangeRequest.deleteMany({ where: { id: pending.id, codeHash: pending.codeHash } });
    if (count !== 1) throw new TRPCError({ code: "CONFLICT", message: "This change was already confirmed." });
    await requireAddressFree(tx, newEmail, user.id);
    await tx.user.update({ where: { id: user.id }, data: { email: newEmail } });
    await record(context, tx, {
      type: "account.email_changed",
      data: { from: maskEmail(user.email), to: maskEmail(newEmail) },
    });
  });
  await notifyOldAddress(context, newEmail).catch(async (cause: unknown) => {
    // The change stands (the new address proved itself); the failed notice is on record for support.
    await record(context, undefined, {
      type: "account.email_notice_failed",
      data: { to: maskEmail(user.email), error: cause instanceof Error ? cause.name : "unknown" },
    });
  });
}

function notifyOldAddress(context: EmailChangeContext, newEmail: string): Promise<void> {
  if (!context.mailer) return Promise.reject(new Error("no mailer"));
  return context.mailer.send(
    {
      to: context.user.email,
      subject: "Your sign-in email was changed",
      text: `The email for your account was changed to ${maskEmail(newEmail)}. If this was not you, contact support now: someone may have access to your account.`,
    },
    { db: context.db },
  );
}

async function requireAddressFree(db: Database | Transaction, email: string, userId: string): Promise<void> {
  const taken = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (taken && taken.id !== userId) throw new TRPCError({ code: "CONFLICT", message: "That email is already in use" });
}

function hashCode(requestId: string, code: string): string {
  return keyedHashHex("email-change", `${requestId}:${code}`);
}

/** Appends one of the email change's audit events, in `tx` when given. */
function record(
  context: EmailChangeContext,
  tx: Transaction | undefined,
  event: { type: DemoAuditEventType; data: AuditEventInput["data"] },
): Promise<void> {
  const { user, organizationId, request, now } = context;
  const origin = { userId: user.id, organizationId, ip: request.ip, userAgent: request.userAgent, at: now };
  return context.stepUp.recordEvent({ ...origin, ...event }, { tx });
}
