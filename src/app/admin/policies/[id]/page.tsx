import type { Metadata } from "next";
import { EditPolicyPage } from "@step-up/next/admin";
import { SIMULATOR_PROCEDURE } from "../../simulator-defaults";
import { requireAdmin } from "../../require-admin.server";

export const metadata: Metadata = { title: "Policy · Admin" };

export default async function EditPolicyRoute({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  return <EditPolicyPage id={id} defaultProcedure={SIMULATOR_PROCEDURE} />;
}
