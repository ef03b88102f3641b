"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { api } from "~/trpc/react";

const LINKS = [
  { href: "/billing", label: "Billing" },
  { href: "/settings/security", label: "Security" },
];

export function SiteHeader({ displayName }: { displayName: string }) {
  const pathname = usePathname();
  const router = useRouter();
  const signOut = api.auth.signOut.useMutation({
    onSuccess: () => {
      router.replace("/sign-in");
      router.refresh();
    },
  });

  return (
    <header className="site-header">
      <span className="wordmark">T3 Billing</span>
      <nav aria-label="Main">
        <ul>
          {LINKS.map((link) => (
            <li key={link.href}>
              <Link href={link.href} aria-current={pathname === link.href ? "page" : undefined}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <span className="who">{displayName}</span>
      <button type="button" className="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </button>
    </header>
  );
}
