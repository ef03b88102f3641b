import type { Metadata } from "next";
import { SupportPage } from "@step-up/next/admin";
import { requireAdmin } from "../require-admin.server";

export const metadata: Metadata = { title: "Support · Admin" };

export default async function SupportRoute() {
  await requireAdmin();
  return <SupportPage />;
}
