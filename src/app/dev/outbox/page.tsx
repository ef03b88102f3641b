import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { db } from "@/server/db";
import { formatDate } from "../../_components/money";
import { getCurrentSession } from "../../session.server";
import { loadOutboxView } from "./outbox.server";

export const metadata: Metadata = { title: "Dev outbox" };
// Always read the latest rows; a cached render would hide the code just sent.
export const dynamic = "force-dynamic";

/**
 * Emails the development mailer "sent" to the signed-in user (outbox.server.ts says who sees what).
 * The environment is read at run time: a literal `process.env.NODE_ENV` check would be fixed to
 * "production" by `next build`, which would also hide the page from the demo and the e2e run.
 */
export default async function OutboxPage() {
  const view = await loadOutboxView({ db, session: await getCurrentSession() });
  if (view.kind === "not_found") notFound();
  if (view.kind === "sign_in") redirect("/sign-in");
  const { emails } = view;
  return (
    <main id="main" className="page">
      <h1>Dev outbox</h1>
      <p className="notice" role="note">
        This is a demo outbox, not a real mailbox: no email leaves this server. It shows only the emails sent to you,
        newest first, and exists only in development and in the demo; a real bank sends email instead and has no such
        page.
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
