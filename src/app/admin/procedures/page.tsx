import type { Metadata } from "next";
import { requireAdmin } from "../require-admin.server";
import { ProceduresTable } from "./procedures-table";

export const metadata: Metadata = { title: "Procedures · Admin" };

export default async function ProceduresPage() {
  await requireAdmin();
  return (
    <>
      <h1>Procedures</h1>
      <p className="muted lead">
        Every tRPC procedure of the app, read from the router itself: the level its code declares, the highest level the
        current policies can give it, and the effective level.
      </p>
      <ProceduresTable />
    </>
  );
}
