import "server-only";
import { appendFile } from "node:fs/promises";
import { env } from "~/env";

/**
 * This app's development mailer: appends each message as a JSON line to MAIL_OUTBOX_FILE, where the
 * browser tests read sign-in links and step-up codes. A real deployment sends through its provider.
 */
export async function sendDevMail(message: { to: string; subject: string; text: string }): Promise<void> {
  await appendFile(env.MAIL_OUTBOX_FILE, `${JSON.stringify({ ...message, at: new Date().toISOString() })}\n`);
}
