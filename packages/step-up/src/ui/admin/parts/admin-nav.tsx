"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { StepUpRoot } from "../../parts/root";

const LINKS = [
  { path: "/policies", label: "Policies" },
  { path: "/simulator", label: "Simulator" },
  { path: "/procedures", label: "Procedures" },
  { path: "/devices", label: "Devices" },
  { path: "/audit", label: "Audit log" },
  { path: "/support", label: "Support" },
  { path: "/webhooks", label: "Webhooks" },
] as const;

/**
 * Second-level navigation of the admin area; a section stays current on its sub-pages.
 * `basePath` is where the host mounted the admin pages, without a trailing slash.
 */
export function AdminNav({ basePath = "/admin" }: { basePath?: string }) {
  const pathname = usePathname();
  const links = LINKS.map((link) => ({ href: `${basePath}${link.path}`, label: link.label }));
  return (
    <StepUpRoot>
      <nav aria-label="Admin" className="admin-nav">
        <ul>
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={
                  pathname === link.href ? "page" : pathname.startsWith(`${link.href}/`) ? "true" : undefined
                }
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </StepUpRoot>
  );
}
