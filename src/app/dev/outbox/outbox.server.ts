import "server-only";
import type { AuthSession } from "@/server/auth/session";
import type { Database } from "@/server/db";
import { isOutboxMailer, listOutbox, type OutboxEntry } from "@/server/mail/outbox";

export type OutboxView = { kind: "not_found" } | { kind: "sign_in" } | { kind: "emails"; emails: OutboxEntry[] };

/**
 * Who sees what at /dev/outbox. It exists only while the outbox is the mailer (never under
 * NODE_ENV=production unless STEP_UP_DEMO=1, never with SMTP); a visitor must sign in; a user sees
 * mail to their own address, and to the address of their pending email change since they asked.
 */
export async function loadOutboxView(options: {
  db: Database;
  session: AuthSession | null;
  env?: Record<string, string | undefined>;
}): Promise<OutboxView> {
  const { db, session, env = process.env } = options;
  if (!isOutboxMailer(env)) return { kind: "not_found" };
  if (!session) return { kind: "sign_in" };
  const pending = await db.emailChangeRequest.findUnique({ where: { userId: session.userId } });
  const recipients = [{ to: session.user.email }];
  const claimed = pending ? [{ to: pending.newEmail, since: pending.createdAt }] : [];
  return { kind: "emails", emails: await listOutbox({ db, env, recipients: [...recipients, ...claimed] }) };
}
