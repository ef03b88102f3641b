import type { Metadata } from "next";
import { DevicesPage } from "@step-up/next/admin";
import { requireAdmin } from "../require-admin.server";

export const metadata: Metadata = { title: "Devices · Admin" };

export default async function DevicesRoute() {
  await requireAdmin();
  return <DevicesPage />;
}
