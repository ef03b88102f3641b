import "server-only";
import type { Procedures } from "../trpc";
import { directoryOf } from "./scope";

/** The organization's members (from the host's `users.members` port), for user pickers. */
export function membersProcedure(p: Procedures) {
  const { adminProcedure } = p;
  return adminProcedure.query(async ({ ctx }) => {
    const members = await directoryOf(ctx.stepUp.users).members(ctx.session.activeOrganizationId);
    return members
      .map((m) => ({ id: m.userId, email: m.email, name: m.name, role: m.role }))
      .sort((a, b) => a.email.localeCompare(b.email));
  });
}
