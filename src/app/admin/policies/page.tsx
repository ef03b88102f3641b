import type { Metadata } from "next";
import { PoliciesPage } from "@step-up/next/admin";
import { requireAdmin } from "../require-admin.server";

export const metadata: Metadata = { title: "Policies · Admin" };

export default async function PoliciesRoute() {
  await requireAdmin();
  return <PoliciesPage />;
}
