import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod/v4";
import type { StepUpMember, StepUpUsers } from "../ports";

/** Ids from the input are opaque strings; every one is checked against the admin's organization. */
export const idSchema = z.string().min(1).max(64);

/** The admin's organization and identity, as `adminProcedure` guarantees them. */
export interface AdminScope {
  organizationId: string;
  adminId: string;
  request: { ip: string | null; userAgent: string | null };
  now: Date;
  directory: Directory;
}

/** The host's people, through the `users` port: org members and email addresses for display. */
export interface Directory {
  members(organizationId: string): Promise<StepUpMember[]>;
  emailsOf(userIds: Array<string | null>): Promise<Map<string, string>>;
}

export function directoryOf(users: StepUpUsers): Directory {
  return {
    members: async (organizationId) => (await users.members?.(organizationId)) ?? [],
    async emailsOf(userIds) {
      const unique = [...new Set(userIds.filter((id): id is string => id !== null))];
      const found = await Promise.all(unique.map(async (id) => [id, (await users.find(id))?.email ?? null] as const));
      return new Map(found.filter((entry): entry is readonly [string, string] => entry[1] !== null));
    },
  };
}

export function scopeOf(ctx: {
  session: { activeOrganizationId: string; userId: string };
  request: { ip: string | null; userAgent: string | null };
  stepUp: { now: () => Date; users: StepUpUsers };
}): AdminScope {
  return {
    organizationId: ctx.session.activeOrganizationId,
    adminId: ctx.session.userId,
    request: { ip: ctx.request.ip, userAgent: ctx.request.userAgent },
    now: ctx.stepUp.now(),
    directory: directoryOf(ctx.stepUp.users),
  };
}

/** The ids of the organization's members: what every per-user admin read is limited to. */
export async function memberIds(directory: Directory, organizationId: string): Promise<string[]> {
  return (await directory.members(organizationId)).map((member) => member.userId);
}

/** A member of the admin's organization, or NOT_FOUND (another org's user looks absent). */
export async function requireMember(
  directory: Directory,
  organizationId: string,
  userId: string,
): Promise<{ id: string; email: string }> {
  const member = (await directory.members(organizationId)).find((m) => m.userId === userId);
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "No such member in this organization" });
  return { id: member.userId, email: member.email };
}

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `No such ${what} in this organization` });
}
