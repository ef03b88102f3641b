import "server-only";
import type { Database } from "../db";
import type { StepUpSession } from "../session";
import type { StepUpServices } from "../services";
import { loadGrants } from "./grants";
import { auditOrigin, writeAudit } from "../audit/audit";
import type { RequestInfo, RequirementRecord } from "./requirements";

/** Current level of the session and until when each level holds. */
export async function sessionStatus(db: Database, options: { session: StepUpSession; services: StepUpServices }) {
  const now = options.services.now();
  const { config } = options.services;
  const grants = (await loadGrants(db, options.session.id, now)).filter((g) => g.level !== "critical");
  const validUntil = (level: "medium" | "high") => {
    const rank = level === "medium" ? ["medium", "high"] : ["high"];
    const latest = grants.filter((g) => rank.includes(g.level)).reduce((max, g) => Math.max(max, g.verifiedAt), 0);
    const until = latest + config.levels[level].windowMs;
    return latest > 0 && until > now.getTime() ? new Date(until).toISOString() : null;
  };
  const high = validUntil("high");
  const medium = validUntil("medium");
  return { currentLevel: high ? "high" : medium ? "medium" : "low", validUntil: { medium, high } } as const;
}

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

export async function listDevices(db: Database, options: { userId: string; now: Date }) {
  return db.stepUpRememberedDevice.findMany({
    where: { userId: options.userId, revokedAt: null, expiresAt: { gt: options.now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, level: true, ip: true, createdAt: true, expiresAt: true, lastUsedAt: true },
  });
}

/** A user forgets one of their own devices; another user's device id behaves as absent. */
export async function forgetDevice(
  db: Database,
  options: { userId: string; organizationId: string | null; deviceId: string; request: RequestInfo; now: Date },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.stepUpRememberedDevice.updateMany({
      where: { id: options.deviceId, userId: options.userId, revokedAt: null },
      data: { revokedAt: options.now },
    });
    if (count === 1) {
      await writeAudit(tx, {
        type: "stepup.device_forgotten",
        ...auditOrigin(options),
        data: { deviceId: options.deviceId },
      });
    }
    return count === 1;
  });
}
