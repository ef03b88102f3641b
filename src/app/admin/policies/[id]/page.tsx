import type { Metadata } from "next";
import { requireAdmin } from "../../require-admin.server";
import { EditPolicy } from "./edit-policy";

export const metadata: Metadata = { title: "Policy · Admin" };

export default async function PolicyPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  return (
    <>
      <h1>Edit policy</h1>
      <EditPolicy id={id} />
    </>
  );
}
