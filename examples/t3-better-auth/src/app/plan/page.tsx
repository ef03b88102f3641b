import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { auth } from "~/server/auth";
import { getSession } from "~/server/auth/session";
import { PlanForm } from "./plan-form";

async function signOut() {
  "use server";
  // better-auth deletes the session row: the step-up plugin's hook ends its grants.
  await auth.api.signOut({ headers: await headers() });
  redirect("/sign-in");
}

export default async function PlanPage() {
  if (!(await getSession())) redirect("/sign-in");
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-6 p-8">
      <h1 className="text-3xl font-bold">Your plan</h1>
      <PlanForm />
      <form action={signOut}>
        <button type="submit">Sign out</button>
      </form>
    </main>
  );
}
