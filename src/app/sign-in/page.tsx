import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentSession } from "../session.server";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getCurrentSession()) redirect("/");
  return (
    <main id="main" className="auth-page">
      <section className="card auth-card" aria-labelledby="sign-in-title">
        <p className="brand">Ledger</p>
        <h1 id="sign-in-title">Sign in</h1>
        <SignInForm />
        <p className="muted small">Demo: alice@example.com or bob@example.com, password demo-password-1.</p>
      </section>
    </main>
  );
}
