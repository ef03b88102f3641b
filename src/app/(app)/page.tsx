import type { Metadata } from "next";
import { requireSession } from "../session.server";
import { Dashboard } from "./dashboard";

export const metadata: Metadata = { title: "Dashboard" };

/** Why another page sent the user here (`/?notice=…`); unknown values show nothing. */
const NOTICES: Record<string, string> = {
  "admin-only": "The admin pages are for your organization’s admins. Ask one of them if you need a change there.",
};

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const session = await requireSession();
  const { notice } = await searchParams;
  const message = notice ? NOTICES[notice] : undefined;
  return (
    <>
      <h1>Welcome, {session.user.name.split(" ")[0]}</h1>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <Dashboard />
    </>
  );
}
