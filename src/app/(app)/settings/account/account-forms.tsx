"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api } from "@/trpc/react";
import { FormStatus } from "../../../_components/form-status";

function readField(event: FormEvent<HTMLFormElement>, name: string): string {
  event.preventDefault();
  return String(new FormData(event.currentTarget).get(name) ?? "");
}

export function ChangeEmailForm({ current }: { current: string }) {
  const router = useRouter();
  const [email, setEmail] = useState(current);
  const change = api.account.changeEmail.useMutation({
    onSuccess: (user) => {
      setEmail(user.email);
      router.refresh();
    },
  });
  return (
    <form className="stack" onSubmit={(e) => change.mutate({ email: readField(e, "email") })}>
      <p className="muted small">
        Current email: <strong data-testid="current-email">{email}</strong>
      </p>
      <label className="field">
        <span>New email</span>
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <FormStatus error={change.error} success={change.isSuccess ? "Email changed." : null} />
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? "Saving…" : "Change email"}
      </button>
    </form>
  );
}

export function ChangePasswordForm() {
  const change = api.account.changePassword.useMutation();
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        const form = e.currentTarget;
        change.mutate({ newPassword: readField(e, "newPassword") }, { onSuccess: () => form.reset() });
      }}
    >
      <label className="field">
        <span>New password</span>
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          aria-describedby="password-hint"
        />
      </label>
      <p id="password-hint" className="muted small">
        At least 12 characters. Changing it signs out remembered devices.
      </p>
      <FormStatus error={change.error} success={change.isSuccess ? "Password changed." : null} />
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}

export function DeleteAccountForm() {
  const router = useRouter();
  const remove = api.account.delete.useMutation({ onSuccess: () => router.replace("/sign-in") });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        if (readField(e, "confirm") === "DELETE") remove.mutate();
      }}
    >
      <p className="muted small">This cannot be undone. Type DELETE to confirm.</p>
      <label className="field">
        <span>Confirmation</span>
        <input name="confirm" required pattern="DELETE" autoComplete="off" />
      </label>
      <FormStatus error={remove.error} success={remove.isSuccess ? "Account deleted." : null} />
      <button type="submit" className="button danger" disabled={remove.isPending}>
        {remove.isPending ? "Deleting…" : "Delete account"}
      </button>
    </form>
  );
}
