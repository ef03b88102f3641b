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

/** The newest outbox messages, for the /dev/outbox page. Empty whenever the outbox is not the mailer in use. */
export async function listOutbox(options: { db?: Database; limit?: number } = {}): Promise<OutboxEntry[]> {
  if (!isOutboxMailer()) return [];
  const database = options.db ?? defaultDb;
  return database.outboxEmail.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: options.limit ?? 50 });
}
