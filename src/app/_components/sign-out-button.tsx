"use client";

import { useRouter } from "next/navigation";
import { api } from "@/trpc/react";

export function SignOutButton() {
  const router = useRouter();
  const signOut = api.auth.signOut.useMutation({ onSettled: () => router.replace("/sign-in") });
  return (
    <button
      type="button"
      className="button secondary small"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      {signOut.isPending ? "Signing out…" : "Sign out"}
    </button>
  );
}
