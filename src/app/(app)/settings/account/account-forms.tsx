"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api } from "@/trpc/react";
import { FormStatus } from "../../../_components/form-status";

function readField(event: FormEvent<HTMLFormElement>, name: string): string {
  event.preventDefault();
  return String(new FormData(event.currentTarget).get(name) ?? "");
}

/**
 * Two steps: the new address gets a code, and only that code makes the change (the old address is
 * told). `pending` is a change asked for earlier and still waiting for its code.
 */
export function ChangeEmailForm({ current, pending }: { current: string; pending: string | null }) {
  const router = useRouter();
  const [email, setEmail] = useState(current);
  const [pendingEmail, setPendingEmail] = useState(pending);
  const change = api.account.changeEmail.useMutation({
    onSuccess: (result) => {
      setEmail(result.email);
      setPendingEmail(result.pendingEmail);
      if (!result.pendingEmail) router.refresh();
    },
  });
  const success = change.isSuccess ? (pendingEmail ? `We sent a code to ${pendingEmail}.` : "Email changed.") : null;
  if (pendingEmail) {
    return (
      <form
        // Its own key: React would otherwise reuse the other form's input, typed address and all.
        key="confirm"
        className="stack"
        onSubmit={(e) => change.mutate({ email: pendingEmail, code: readField(e, "code") })}
        aria-label="Confirm your new email"
      >
        <p className="muted small">
          Current email: <strong data-testid="current-email">{email}</strong>. Enter the code we sent to{" "}
          <strong>{pendingEmail}</strong> to make it your email; we will tell {email} about the change.
        </p>
        <label className="field">
          <span>Code from the email</span>
          <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required />
        </label>
        <FormStatus error={change.error} success={success} />
        <div className="row">
          <button type="submit" className="button" disabled={change.isPending}>
            {change.isPending ? "Confirming…" : "Confirm new email"}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              change.reset();
              setPendingEmail(null);
            }}
          >
            Use another email
          </button>
        </div>
      </form>
    );
  }
  return (
    <form
      key="request"
      className="stack"
      onSubmit={(e) => {
        const form = e.currentTarget;
        // Once it is the current email, the address shown above is enough.
        change.mutate({ email: readField(e, "email") }, { onSuccess: () => form.reset() });
      }}
    >
      <p className="muted small">
        Current email: <strong data-testid="current-email">{email}</strong>
      </p>
      <label className="field">
        <span>New email</span>
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <FormStatus error={change.error} success={success} />
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? "Sending…" : "Change email"}
      </button>
    </form>
  );
}

/** The name in the header and on admin pages; `profile.update` is step-up protected only if a policy says so. */
export function ChangeNameForm({ current }: { current: string }) {
  const router = useRouter();
  const update = api.profile.update.useMutation({ onSuccess: () => router.refresh() });
  return (
    <form className="stack" onSubmit={(e) => update.mutate({ name: readField(e, "name") })}>
      <label className="field">
        <span>Your name</span>
        <input name="name" defaultValue={current} autoComplete="name" maxLength={100} required />
      </label>
      <FormStatus error={update.error} success={update.isSuccess ? "Name saved." : null} />
      <button type="submit" className="button" disabled={update.isPending}>
        {update.isPending ? "Saving…" : "Save name"}
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
