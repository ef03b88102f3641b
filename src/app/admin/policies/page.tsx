import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "../require-admin.server";
import { PolicyList } from "./policy-list";

export const metadata: Metadata = { title: "Policies · Admin" };

export default async function PoliciesPage() {
  await requireAdmin();
  return (
    <>
      <div className="page-title">
        <h1>Policies</h1>
        <Link className="button" href="/admin/policies/new">
          New policy
        </Link>
      </div>
      <p className="muted lead">
        A call needs the highest level among its procedure’s own minimum and every matching rule. Policies can raise a
        level, never lower it. Report-only policies record what they would require without refusing anything.
      </p>
      <PolicyList />
    </>
  );
}
