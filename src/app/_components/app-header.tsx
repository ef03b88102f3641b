import Link from "next/link";
import { HeaderMenu } from "./header-menu";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/** The skip link and the top bar every signed-in page shares (the app and the admin area). */
export function AppHeader({ userName, isAdmin }: { userName: string; isAdmin: boolean }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          Ledger
        </Link>
        <HeaderMenu>
          <NavLinks isAdmin={isAdmin} />
          <div className="user">
            <span className="breakable">{userName}</span>
            <SignOutButton />
          </div>
        </HeaderMenu>
      </header>
    </>
  );
}
