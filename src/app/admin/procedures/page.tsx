import type { Metadata } from "next";
import { ProceduresPage } from "@step-up/next/admin";
import { requireAdmin } from "../require-admin.server";

export const metadata: Metadata = { title: "Procedures · Admin" };

export default async function ProceduresRoute() {
  await requireAdmin();
  return <ProceduresPage />;
}
