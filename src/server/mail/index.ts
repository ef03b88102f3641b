import "server-only";
import type { Mailer } from "./mailer";
import { isOutboxMailer, outboxMailer } from "./outbox";
import { createSmtpMailer } from "./smtp";

/**
 * SMTP_URL + MAIL_FROM → SMTP; otherwise, outside production, the development outbox.
 * In production without SMTP there is no mailer, and email codes are simply not offered.
 */
export function selectMailer(env: Record<string, string | undefined> = process.env): Mailer | null {
  if (env.SMTP_URL && env.MAIL_FROM) return createSmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM });
  return isOutboxMailer(env) ? outboxMailer : null;
}

export type { Mailer, MailMessage } from "./mailer";
