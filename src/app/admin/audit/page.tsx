import type { Metadata } from "next";
import { requireAdmin } from "../require-admin.server";
import { AuditView } from "./audit-view";

export const metadata: Metadata = { title: "Audit log · Admin" };

export default async function AuditPage() {
  await requireAdmin();
  return (
    <>
      <h1>Audit log</h1>
      <AuditView />
    </>
  );
}
