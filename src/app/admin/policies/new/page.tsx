import type { Metadata } from "next";
import { requireAdmin } from "../../require-admin.server";
import { PolicyEditor } from "../policy-editor";

export const metadata: Metadata = { title: "New policy · Admin" };

export default async function NewPolicyPage() {
  await requireAdmin();
  return (
    <>
      <h1>New policy</h1>
      <PolicyEditor />
    </>
  );
}
