import "server-only";
import { adminProcedure } from "@/server/trpc";

/** The organization's members, for user pickers (policy scope, simulator, device and audit filters). */
export const membersProcedure = adminProcedure.query(async ({ ctx }) => {
  const memberships = await ctx.db.membership.findMany({
    where: { organizationId: ctx.session.activeOrganizationId, user: { deletedAt: null } },
    select: { role: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: { user: { email: "asc" } },
  });
  return memberships.map((m) => ({
    id: m.user.id,
    email: m.user.email,
    name: m.user.name,
    role: m.role === "admin" ? ("admin" as const) : ("member" as const),
  }));
});
