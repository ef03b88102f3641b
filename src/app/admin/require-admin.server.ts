import "server-only";
import { redirect } from "next/navigation";
import type { AuthSession } from "@/server/auth/session";
import { requireSession } from "../session.server";

/** The dashboard's `notice` that explains the redirect (see NOTICES in the dashboard page). */
const ADMIN_ONLY_NOTICE = "admin-only";

/**
 * Page guard for /admin: signed-in admins of their active organization only; members go home.
 * The data behind every page is guarded again by `adminProcedure` on each call.
 */
export async function requireAdmin(): Promise<AuthSession & { activeOrganizationId: string }> {
  const session = await requireSession();
  if (session.role !== "admin" || !session.activeOrganizationId) redirect(`/?notice=${ADMIN_ONLY_NOTICE}`);
  return { ...session, activeOrganizationId: session.activeOrganizationId };
}
