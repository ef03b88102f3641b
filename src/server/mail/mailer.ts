import "server-only";
import type { Database } from "../db";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Where step-up emails go. Two real implementations: the development outbox (rows in the database,
 * shown at /dev/outbox) and SMTP through nodemailer. `db` is the caller's database, so the outbox
 * writes where the rest of the request does (tests use a database per file).
 */
export interface Mailer {
  readonly kind: "outbox" | "smtp";
  send(message: MailMessage, context: { db: Database }): Promise<void>;
}
