import type { ReactNode } from "react";
import { AdminNav } from "@step-up/next/admin";
import { AppHeader } from "../_components/app-header";
import { requireAdmin } from "./require-admin.server";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requireAdmin();
  return (
    <>
      <AppHeader userName={session.user.name} isAdmin />
      <AdminNav />
      <main id="main" className="page wide-page">
        {children}
      </main>
    </>
  );
}
