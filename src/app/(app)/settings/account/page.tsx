import type { Metadata } from "next";
import { requireSession } from "../../../session.server";
import { ChangeEmailForm, ChangePasswordForm, DeleteAccountForm } from "./account-forms";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const session = await requireSession();
  return (
    <>
      <h1>Account</h1>
      <div className="grid">
        <section className="card" aria-labelledby="email-title">
          <h2 id="email-title">Email</h2>
          <ChangeEmailForm current={session.user.email} />
        </section>
        <section className="card" aria-labelledby="password-title">
          <h2 id="password-title">Password</h2>
          <ChangePasswordForm />
        </section>
        <section className="card danger" aria-labelledby="delete-title">
          <h2 id="delete-title">Delete account</h2>
          <DeleteAccountForm />
        </section>
      </div>
    </>
  );
}
