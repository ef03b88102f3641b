import type { Metadata } from "next";
import { requireAdmin } from "../require-admin.server";
import { SupportView } from "./support-view";

export const metadata: Metadata = { title: "Support · Admin" };

export default async function SupportPage() {
  await requireAdmin();
  return (
    <>
      <h1>Support</h1>
      <p className="muted lead">
        Pick a member to see what is waiting for their verification, the grants they hold and their recent attempts.
      </p>
      <SupportView />
    </>
  );
}
