import { redirect } from "next/navigation";

import { auth } from "~/server/auth";
import { PlanForm } from "./plan-form";

export default async function PlanPage() {
  if (!(await auth())) redirect("/api/auth/signin");
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-6 p-8">
      <h1 className="text-3xl font-bold">Your plan</h1>
      <PlanForm />
    </main>
  );
}
