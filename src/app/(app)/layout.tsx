import type { ReactNode } from "react";
import { AppHeader } from "../_components/app-header";
import { requireSession } from "../session.server";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  return (
    <>
      <AppHeader userName={session.user.name} isAdmin={session.role === "admin"} />
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
