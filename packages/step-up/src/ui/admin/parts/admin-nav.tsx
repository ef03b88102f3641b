"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin/policies", label: "Policies" },
  { href: "/admin/simulator", label: "Simulator" },
  { href: "/admin/procedures", label: "Procedures" },
  { href: "/admin/devices", label: "Devices" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/support", label: "Support" },
] as const;

/** Second-level navigation of the admin area; a section stays current on its sub-pages. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="admin-nav">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={pathname === link.href ? "page" : pathname.startsWith(`${link.href}/`) ? "true" : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
