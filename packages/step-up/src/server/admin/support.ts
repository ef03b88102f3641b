import "server-only";
import { z } from "zod/v4";
import { createTRPCRouter, type Procedures } from "../trpc";
import type { Database } from "../db";
import { directoryOf, idSchema, requireMember } from "./scope";

const RECENT = 20;

/** What support staff need to help one member: only requirements raised in this organization. */
async function describeUser(db: Database, options: { organizationId: string; userId: string; now: Date }) {
  const { organizationId, userId, now } = options;
  const inOrg = { userId, organizationId };
  const [pendingRequirements, recentGrants, recentVerifications] = await Promise.all([
    db.stepUpRequirement.findMany({
      where: { ...inOrg, status: "pending", expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      take: RECENT,
      select: {
        id: true,
        procedure: true,
        requiredLevel: true,
        currentLevel: true,
        reason: true,
        failedAttempts: true,
        degraded: true,
        createdAt: true,
        expiresAt: true,
      },
    }),
    db.stepUpGrant.findMany({
      where: { userId, requirement: { organizationId } },
      orderBy: [{ verifiedAt: "desc" }, { id: "desc" }],
      take: RECENT,
      select: {
        id: true,
        level: true,
        methods: true,
        degraded: true,
        verifiedAt: true,
        expiresAt: true,
        consumedAt: true,
        revokedAt: true,
        requirement: { select: { procedure: true } },
      },
    }),
    db.stepUpAttempt.findMany({
      where: { userId, requirement: { organizationId } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT,
      select: {
        id: true,
        method: true,
        success: true,
        failure: true,
        ip: true,
        createdAt: true,
        requirement: { select: { procedure: true, requiredLevel: true } },
      },
    }),
  ]);
  return {
    pendingRequirements,
    recentGrants: recentGrants.map(({ requirement, ...g }) => ({ ...g, procedure: requirement?.procedure ?? null })),
    recentVerifications: recentVerifications.map(({ requirement, ...a }) => ({
      ...a,
      procedure: requirement?.procedure ?? null,
      level: requirement?.requiredLevel ?? null,
    })),
  };
}

export function supportRouter(p: Procedures) {
  const { adminProcedure } = p;
  return createTRPCRouter({
    user: adminProcedure.input(z.object({ userId: idSchema })).query(async ({ ctx, input }) => {
      const organizationId = ctx.session.activeOrganizationId;
      await requireMember(directoryOf(ctx.stepUp.users), organizationId, input.userId);
      return describeUser(ctx.db, { organizationId, userId: input.userId, now: ctx.stepUp.now() });
    }),
  });
}
