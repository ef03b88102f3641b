import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Database } from "@/server/db";

/** Ids from the input are opaque strings; every one is checked against the admin's organization. */
export const idSchema = z.string().min(1).max(64);

/** The admin's organization and identity, as `adminProcedure` guarantees them. */
export interface AdminScope {
  organizationId: string;
  adminId: string;
  request: { ip: string | null; userAgent: string | null };
  now: Date;
}

export function scopeOf(ctx: {
  session: { activeOrganizationId: string; userId: string };
  request: { ip: string | null; userAgent: string | null };
  stepUp: { now: () => Date };
}): AdminScope {
  return {
    organizationId: ctx.session.activeOrganizationId,
    adminId: ctx.session.userId,
    request: { ip: ctx.request.ip, userAgent: ctx.request.userAgent },
    now: ctx.stepUp.now(),
  };
}

/** Prisma filter: users who belong to the organization. */
export function memberOf(organizationId: string) {
  return { memberships: { some: { organizationId } } };
}

/** A member of the admin's organization, or NOT_FOUND (another org's user looks absent). */
export async function requireMember(
  db: Database,
  organizationId: string,
  userId: string,
): Promise<{ id: string; email: string }> {
  const user = await db.user.findFirst({
    where: { id: userId, deletedAt: null, ...memberOf(organizationId) },
    select: { id: true, email: true },
  });
  if (!user) throw new TRPCError({ code: "NOT_FOUND", message: "No such member in this organization" });
  return user;
}

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `No such ${what} in this organization` });
}
