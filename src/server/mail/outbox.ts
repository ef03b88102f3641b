import "server-only";
import { db as defaultDb, type Database } from "../db";
import type { Mailer } from "./mailer";

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

/** The newest outbox messages, for the /dev/outbox page. Empty in production, whatever the page does. */
export async function listOutbox(options: { db?: Database; limit?: number } = {}): Promise<OutboxEntry[]> {
  if (process.env.NODE_ENV === "production") return [];
  const database = options.db ?? defaultDb;
  return database.outboxEmail.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: options.limit ?? 50 });
}
