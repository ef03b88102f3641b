import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isOutboxMailer, listOutbox } from "@/server/mail/outbox";
import { formatDate } from "../../_components/money";

export const metadata: Metadata = { title: "Dev outbox" };
// Always read the latest rows; a cached render would hide the code just sent.
export const dynamic = "force-dynamic";

/**
 * Emails the development mailer "sent". The page exists only while the outbox is the mailer in use:
 * never when NODE_ENV is "production" at run time, nor when SMTP is set. (A literal
 * `process.env.NODE_ENV` check would be fixed to "production" by `next build`, which would also hide
 * the page from the end-to-end run; see playwright.config.ts.)
 */
export default async function OutboxPage() {
  if (!isOutboxMailer()) notFound();
  const emails = await listOutbox();
  return (
    <main id="main" className="page">
      <h1>Dev outbox</h1>
      <p className="muted lead">
        Emails the app would have sent, newest first. Only in development; production sends through SMTP.
      </p>
      {emails.length === 0 ? (
        <p className="muted">Nothing sent yet.</p>
      ) : (
        <table className="table card" aria-label="Sent emails">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Body</th>
              <th scope="col">Sent</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((email) => (
              <tr key={email.id}>
                <td>{email.to}</td>
                <td>{email.subject}</td>
                <td className="body">{email.text}</td>
                <td>
                  <time dateTime={email.createdAt.toISOString()}>{formatDate(email.createdAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
