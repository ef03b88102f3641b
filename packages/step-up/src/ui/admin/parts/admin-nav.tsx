"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { StepUpRoot } from "../../parts/root";
import { useStepUpI18n } from "../../../i18n/context";

const LINKS = [
  { path: "/policies", label: "admin.nav.policies" },
  { path: "/simulator", label: "admin.nav.simulator" },
  { path: "/procedures", label: "admin.nav.procedures" },
  { path: "/devices", label: "admin.nav.devices" },
  { path: "/audit", label: "admin.nav.audit" },
  { path: "/support", label: "admin.nav.support" },
  { path: "/webhooks", label: "admin.nav.webhooks" },
] as const;

/**
 * Second-level navigation of the admin area; a section stays current on its sub-pages.
 * `basePath` is where the host mounted the admin pages, without a trailing slash.
 */
export function AdminNav({ basePath = "/admin" }: { basePath?: string }) {
  return (
    <StepUpRoot>
      <AdminLinks basePath={basePath} />
    </StepUpRoot>
  );
}

function AdminLinks({ basePath }: { basePath: string }) {
  const pathname = usePathname();
  const { t } = useStepUpI18n();
  const links = LINKS.map((link) => ({ href: `${basePath}${link.path}`, label: t(link.label) }));
  return (
    <nav aria-label={t("admin.nav")} className="admin-nav">
      <ul>
        {links.map((link) => (
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
