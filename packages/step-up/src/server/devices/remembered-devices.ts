import "server-only";
import { stepUpLevelSchema, type RememberedDeviceSnapshot } from "../../engine";
import type { Database } from "../db";
import { sha256Hex } from "../crypto";
import { auditOrigin, writeAudit } from "../audit/audit";
import { userAgentFamily } from "../user-agent-family";
import type { RequestInfo } from "../verification/requirements";

/** A live device cookie of this user presented from another browser family than the one it was made on. */
export interface DeviceMismatch {
  deviceId: string;
  expected: string;
  presented: string | null;
}

export type RememberedDeviceLookup =
  { device: RememberedDeviceSnapshot; mismatch: null } | { device: null; mismatch: DeviceMismatch | null };

/**
 * The remembered device behind a cookie token, if it is this user's, live, not revoked, and presented
 * by the browser family it was created on. A device stored without a family (before families were
 * recorded) never counts; one presented by another family counts neither and is reported.
 */
export async function loadRememberedDevice(
  db: Database,
  options: { token: string; userId: string; userAgent: string | null; now: Date },
): Promise<RememberedDeviceLookup> {
  const none = { device: null, mismatch: null } as const;
  const row = await db.stepUpRememberedDevice.findUnique({ where: { tokenHash: sha256Hex(options.token) } });
  if (!row || row.userId !== options.userId || row.revokedAt || row.expiresAt <= options.now) return none;
  const level = stepUpLevelSchema.parse(row.level);
  if (level === "critical" || row.userAgentFamily === null) return none;
  const presented = userAgentFamily(options.userAgent);
  if (presented !== row.userAgentFamily) {
    return { device: null, mismatch: { deviceId: row.id, expected: row.userAgentFamily, presented } };
  }
  return { device: { id: row.id, level, expiresAt: row.expiresAt.getTime() }, mismatch: null };
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
