import { redirect } from "next/navigation";
import { requireAdmin } from "./require-admin.server";

export default async function AdminIndexPage() {
  await requireAdmin();
  redirect("/admin/policies");
}
