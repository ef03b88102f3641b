import type { Metadata } from "next";
import { SecuritySettings } from "@step-up/next/ui";
import { requireSession } from "../../../session.server";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityRoute() {
  await requireSession();
  return <SecuritySettings />;
}
