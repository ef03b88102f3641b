"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Dashboard" },
  { href: "/transfers", label: "Transfers" },
  { href: "/api-keys", label: "API keys" },
  { href: "/settings/account", label: "Account" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/activity", label: "Security activity" },
] as const;

const ADMIN_LINK = { href: "/admin/policies", label: "Admin" } as const;

/** Main navigation; `isAdmin` comes from the server session and only decides whether the link shows. */
export function NavLinks({ isAdmin = false }: { isAdmin?: boolean }) {
  const pathname = usePathname();
  const links = isAdmin ? [...LINKS, ADMIN_LINK] : LINKS;
  return (
    <nav aria-label="Main" className="nav">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={currentFor(pathname, link.href)}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function currentFor(pathname: string, href: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  // Inside the admin area the Admin link marks the current section.
  if (href.startsWith("/admin") && pathname.startsWith("/admin")) return "true";
  return undefined;
}
