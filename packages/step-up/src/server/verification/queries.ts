import "server-only";
import type { Database } from "../db";
import { auditOrigin, writeAudit } from "../audit/audit";
import type { RequestInfo, RequirementRecord } from "./requirements";

export async function listPendingRequirements(db: Database, options: { userId: string; now: Date }) {
  return db.stepUpRequirement.findMany({
    where: { userId: options.userId, status: "pending", expiresAt: { gt: options.now } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      procedure: true,
      requiredLevel: true,
      reason: true,
      createdAt: true,
      expiresAt: true,
      failedAttempts: true,
    },
  });
}

/** Verification history (grants), newest first, cursor-paginated by id. */
export async function listVerifications(
  db: Database,
  options: { userId: string; cursor: string | null; limit: number },
) {
  const rows = await db.stepUpGrant.findMany({
    where: { userId: options.userId },
    orderBy: [{ verifiedAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      level: true,
      methods: true,
      degraded: true,
      verifiedAt: true,
      consumedAt: true,
      revokedAt: true,
      requirement: { select: { procedure: true, reason: true } },
    },
  });
  const items = rows.slice(0, options.limit);
  return { items, nextCursor: rows.length > options.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Cancels a pending requirement; returns false when it was no longer pending. */
export async function cancelRequirement(
  db: Database,
  options: { requirement: RequirementRecord; request: RequestInfo; now: Date },
) {
  const { requirement, now } = options;
  return db.$transaction(async (tx) => {
    const { count } = await tx.stepUpRequirement.updateMany({
      where: { id: requirement.id, status: "pending" },
      data: { status: "cancelled" },
    });
    if (count === 1) {
      await writeAudit(tx, {
        type: "stepup.cancelled",
        ...auditOrigin({ ...requirement, request: options.request, now }),
        data: { requirementId: requirement.id, procedure: requirement.procedure },
      });
    }
    return count === 1;
  });
}
