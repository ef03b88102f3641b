"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { api } from "~/trpc/react";

export function SignInForm() {
  const router = useRouter();
  const signIn = api.auth.signIn.useMutation({
    onSuccess: () => {
      router.replace("/billing");
      router.refresh();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate({ email: String(form.get("email")), password: String(form.get("password")) });
  }

  return (
    <form className="form" onSubmit={submit}>
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label className="field">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {signIn.error && (
        <p role="alert" className="error">
          {signIn.error.message}
        </p>
      )}
      <button type="submit" className="primary" disabled={signIn.isPending}>
        {signIn.isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
