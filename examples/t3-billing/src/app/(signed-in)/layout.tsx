import type { ReactNode } from "react";
import { requireLogin } from "~/server/auth/current";
import { SiteHeader } from "./site-header";

/** Every page in this group needs a signed-in account. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { account } = await requireLogin();
  return (
    <>
      <SiteHeader displayName={account.displayName} />
      <main className="page">{children}</main>
    </>
  );
}
