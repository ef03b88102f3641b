import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "../_components/sign-out-button";
import { NavLinks } from "../_components/nav-links";
import { requireSession } from "../session.server";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          Ledger
        </Link>
        <NavLinks isAdmin={session.role === "admin"} />
        <div className="user">
          <span>{session.user.name}</span>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
