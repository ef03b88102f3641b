import type { Metadata } from "next";
import { getPendingEmailChange } from "@/server/account/email-change";
import { db } from "@/server/db";
import { requireSession } from "../../../session.server";
import { ChangeEmailForm, ChangeNameForm, ChangePasswordForm, DeleteAccountForm } from "./account-forms";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const session = await requireSession();
  const pending = await getPendingEmailChange(db, session.userId, new Date());
  return (
    <>
      <h1>Account</h1>
      <div className="grid">
        <section className="card" aria-labelledby="name-title">
          <h2 id="name-title">Name</h2>
          <ChangeNameForm current={session.user.name} />
        </section>
        <section className="card" aria-labelledby="email-title">
          <h2 id="email-title">Email</h2>
          <ChangeEmailForm current={session.user.email} pending={pending?.newEmail ?? null} />
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
