import type { Metadata } from "next";
import { requireSession } from "../session.server";
import { Dashboard } from "./dashboard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await requireSession();
  return (
    <>
      <h1>Welcome, {session.user.name.split(" ")[0]}</h1>
      <Dashboard />
    </>
  );
}
