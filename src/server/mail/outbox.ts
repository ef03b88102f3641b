import "server-only";
import { db as defaultDb, type Database } from "../db";
import type { Mailer } from "./mailer";

/**
 * The outbox is the mailer when no SMTP is configured and the server does not run as production,
 * or runs as the demo (`STEP_UP_DEMO=1`, set by `npm run demo` and the e2e server).
 * Read through a variable: `next build` replaces a literal `process.env.NODE_ENV` with "production".
 */
export function isOutboxMailer(env: Record<string, string | undefined> = process.env): boolean {
  return !(env.SMTP_URL && env.MAIL_FROM) && (env.NODE_ENV !== "production" || env.STEP_UP_DEMO === "1");
}

/** Development mailer: stores each message in OutboxEmail instead of sending it. Never used in production. */
export const outboxMailer: Mailer = {
  kind: "outbox",
  async send(message, { db }) {
    await db.outboxEmail.create({ data: { to: message.to, subject: message.subject, text: message.text } });
  },
};

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
}

/** Mail to `to`, optionally only from `since` on (an address the user has only just claimed). */
export interface OutboxRecipient {
  to: string;
  since?: Date;
}

/**
 * The newest outbox messages to the given recipients only, for the /dev/outbox page: one user's
 * mail, never everyone's. Empty whenever the outbox is not the mailer in use.
 */
export async function listOutbox(options: {
  db?: Database;
  recipients: OutboxRecipient[];
  limit?: number;
  env?: Record<string, string | undefined>;
}): Promise<OutboxEntry[]> {
  if (!isOutboxMailer(options.env) || options.recipients.length === 0) return [];
  const database = options.db ?? defaultDb;
  return database.outboxEmail.findMany({
    where: { OR: options.recipients.map(({ to, since }) => (since ? { to, createdAt: { gte: since } } : { to })) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 50,
  });
}
