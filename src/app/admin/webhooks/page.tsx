import type { Metadata } from "next";
import { WebhooksPage } from "@step-up/next/admin";
import { requireAdmin } from "../require-admin.server";

export const metadata: Metadata = { title: "Webhooks · Admin" };

export default async function WebhooksRoute() {
  await requireAdmin();
  return <WebhooksPage />;
}
