import type { Metadata } from "next";
import { AuditPage } from "@step-up/next/admin";
import { requireAdmin } from "../require-admin.server";

export const metadata: Metadata = { title: "Audit log · Admin" };

export default async function AuditRoute() {
  await requireAdmin();
  // The CSV export is the demo's route handler (src/app/api/admin/audit.csv/route.ts).
  return <AuditPage csvHref="/api/admin/audit.csv" />;
}
