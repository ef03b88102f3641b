import "server-only";
import { maxLevel, type Decision, type Level } from "../../engine";
import type { Database } from "../db";
import { auditOrigin, writeAudit } from "./audit";
import type { DeviceMismatch } from "../devices/remembered-devices";
import type { RequestInfo } from "../verification/requirements";

interface EventBase {
  userId: string;
  organizationId: string | null;
  request: RequestInfo;
  now: Date;
  path: string;
}

/** A remembered device let a call through: audited every time, and the device's last use updated. */
export async function recordBypass(
  db: Database,
  options: EventBase & { deviceId: string; level: Level; risk: number },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.stepUpRememberedDevice.update({ where: { id: options.deviceId }, data: { lastUsedAt: options.now } });
    await writeAudit(tx, {
      type: "stepup.bypassed",
      ...auditOrigin(options),
      data: { procedure: options.path, deviceId: options.deviceId, level: options.level, risk: options.risk },
    });
  });
}

/**
 * A live device cookie came from another browser family than the one it was remembered on (a copied
 * cookie, most likely): it let nothing through, and the user's admins can see where it was used.
 */
export async function recordDeviceMismatch(
  db: Database,
  options: EventBase & { mismatch: DeviceMismatch },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await writeAudit(tx, {
      type: "stepup.device_mismatch",
      ...auditOrigin(options),
      data: { procedure: options.path, ...options.mismatch },
    });
  });
}

/**
 * Report-only policies: what they would have required, without refusing anything. One row per call: a call
 * refused by the enforced level carries its `requirementId`, and its retry with the grant that requirement
 * earned (the same call hash) writes nothing more (test "report-only policies" in packages/step-up/test).
 */
export async function recordWouldRequire(
  db: Database,
  options: EventBase & { decision: Decision; callHash: string; requirementId?: string; grantId?: string },
): Promise<void> {
  const { decision, callHash, requirementId, grantId } = options;
  if (grantId && (await isRetryOfLoggedCall(db, grantId, callHash))) return;
  const rules = decision.wouldRequire;
  await writeAudit(db, {
    type: "stepup.would_require",
    ...auditOrigin(options),
    data: {
      procedure: options.path,
      level: maxLevel(...rules.map((rule) => rule.level)),
      enforcedLevel: decision.level,
      callHash,
      ...(requirementId && { requirementId }),
      rules: rules.map((m) => ({ policyId: m.policyId, kind: m.kind, level: m.level, description: m.description })),
    },
  });
}

/** Whether the grant was earned by a requirement whose refused call, this very call, was already logged. */
async function isRetryOfLoggedCall(db: Database, grantId: string, callHash: string): Promise<boolean> {
  const grant = await db.stepUpGrant.findUnique({ where: { id: grantId }, select: { requirementId: true } });
  if (!grant?.requirementId) return false;
  const logged = await db.stepUpAuditEvent.findFirst({
    where: { type: "stepup.would_require", requirementId: grant.requirementId },
    select: { data: true },
  });
  const data = logged?.data;
  return !!data && typeof data === "object" && !Array.isArray(data) && data.callHash === callHash;
}
