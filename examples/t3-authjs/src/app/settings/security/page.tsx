import { SecuritySettings } from "@step-up/next/ui";
import { redirect } from "next/navigation";

import { auth } from "~/server/auth";

export default async function SecurityPage() {
  if (!(await auth())) redirect("/api/auth/signin");
  return (
    <main className="mx-auto max-w-3xl p-8">
      <SecuritySettings />
    </main>
  );
}
