import type { Metadata } from "next";
import { NewPolicyPage } from "@step-up/next/admin";
import { SIMULATOR_PROCEDURE } from "../../simulator-defaults";
import { requireAdmin } from "../../require-admin.server";

export const metadata: Metadata = { title: "New policy · Admin" };

export default async function NewPolicyRoute() {
  await requireAdmin();
  return <NewPolicyPage defaultProcedure={SIMULATOR_PROCEDURE} />;
}
