import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "../_components/nav-links";
import { SignOutButton } from "../_components/sign-out-button";
import { AdminNav } from "./_components/admin-nav";
import { requireAdmin } from "./require-admin.server";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requireAdmin();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          Ledger
        </Link>
        <NavLinks isAdmin />
        <div className="user">
          <span>{session.user.name}</span>
          <SignOutButton />
        </div>
      </header>
      <AdminNav />
      <main id="main" className="page wide-page">
        {children}
      </main>
    </>
  );
}
