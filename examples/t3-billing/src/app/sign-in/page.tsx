import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentLogin } from "~/server/auth/current";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await currentLogin()) redirect("/billing");
  return (
    <main className="centered">
      <section className="panel narrow" aria-labelledby="sign-in-title">
        <p className="wordmark">T3 Billing</p>
        <h1 id="sign-in-title">Sign in</h1>
        <SignInForm />
      </section>
    </main>
  );
}
