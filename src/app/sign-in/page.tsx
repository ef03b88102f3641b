import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DEMO_PASSWORD, DEMO_USERS } from "../../../prisma/seed-data";
import { getCurrentSession } from "../session.server";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

/** Every seeded account (the README's table), so each role can be tried without reading the docs. */
function DemoAccounts() {
  return (
    <div className="muted small">
      <p>Demo accounts, all with the password {DEMO_PASSWORD}:</p>
      {/* Named apart from the text above: a label with "password" in it would be a second Password field. */}
      <ul aria-label="Demo accounts" className="demo-accounts">
        {DEMO_USERS.map((user) => (
          <li key={user.email}>
            {user.email} ({user.name}, {user.org} {user.role})
          </li>
        ))}
      </ul>
    </div>
  );
}

export default async function SignInPage() {
  if (await getCurrentSession()) redirect("/");
  return (
    <main id="main" className="auth-page">
      <section className="card auth-card" aria-labelledby="sign-in-title">
        <p className="brand">Ledger</p>
        <h1 id="sign-in-title">Sign in</h1>
        <SignInForm />
        <DemoAccounts />
      </section>
    </main>
  );
}
