import "server-only";
import { redirect } from "next/navigation";
import type { AuthSession } from "@/server/auth/session";
import { requireSession } from "../session.server";

/**
 * Page guard for /admin: signed-in admins of their active organization only; members go home.
 * The data behind every page is guarded again by `adminProcedure` on each call.
 */
export async function requireAdmin(): Promise<AuthSession & { activeOrganizationId: string }> {
  const session = await requireSession();
  if (session.role !== "admin" || !session.activeOrganizationId) redirect("/");
  return { ...session, activeOrganizationId: session.activeOrganizationId };
}
