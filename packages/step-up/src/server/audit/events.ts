import "server-only";
import type { Decision, Level } from "../../engine";
import type { Database } from "../db";
import { auditOrigin, writeAudit } from "./audit";
import type { DeviceMismatch } from "../store/grants";
import type { RequestInfo } from "../store/requirements";

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

/** Report-only policies: what they would have required, without refusing anything. */
export async function recordWouldRequire(db: Database, options: EventBase & { decision: Decision }): Promise<void> {
  await db.$transaction(async (tx) => {
    await writeAudit(tx, {
      type: "stepup.would_require",
      ...auditOrigin(options),
      data: {
        procedure: options.path,
        enforcedLevel: options.decision.level,
        rules: options.decision.wouldRequire.map((m) => ({
          policyId: m.policyId,
          kind: m.kind,
          level: m.level,
          description: m.description,
        })),
      },
    });
  });
}
