import "server-only";
import {
  completedCombination,
  grantExpiresAt,
  isAtLeast,
  mayRememberDevice,
  rememberedDeviceExpiresAt,
  STEP_UP_LEVELS,
  withinFloor,
  type MethodId,
  type StepUpConfig,
} from "../../engine";
import type { Claim, VerifyFailure } from "../../methods";
import type { Database, Transaction } from "../db";
import { generateToken, sha256Hex } from "../crypto";
import { auditOrigin, writeAudit } from "../audit/audit";
import { userAgentFamily } from "../user-agent-family";
import { addToGrantSummary } from "../grants/grants";
import { lockPendingRequirement, type RequestInfo, type RequirementRecord } from "./requirements";

interface OutcomeBase {
  requirement: RequirementRecord;
  method: MethodId;
  request: RequestInfo;
  now: Date;
}

function auditBase(options: OutcomeBase) {
  const { requirement, request, now } = options;
  return auditOrigin({ ...requirement, request, now });
}

/**
 * A failed attempt: the attempt row and the audit rows, in one transaction (the requirement's counter
 * was incremented when the attempt was reserved).
 */
export async function recordFailedAttempt(
  db: Database,
  options: OutcomeBase & {
    failure: string;
    detail?: Record<string, string | number | boolean | null> | null;
    lockedScope: "requirement" | "user" | null;
    userFailures: number;
    /** This failure's number on the requirement (reserved before verifying: attempt-slots.ts). */
    attempt: number;
  },
): Promise<void> {
  const { requirement, method, request, now } = options;
  return db.$transaction(async (tx) => {
    await tx.stepUpAttempt.create({
      data: {
        userId: requirement.userId,
        requirementId: requirement.id,
        method,
        success: false,
        failure: options.failure,
        ip: request.ip,
        userAgent: request.userAgent,
        createdAt: now,
      },
    });
    const base = auditBase(options);
    const detail = options.detail ?? {};
    await writeAudit(tx, {
      ...base,
      type: "stepup.failed",
      data: {
        requirementId: requirement.id,
        method,
        failure: options.failure,
        attempt: options.attempt,
        ...detail,
      },
    });
    // A signed assertion whose counter went backwards: the passkey may have been cloned. Its own event, critical.
    if (options.failure === "counter_regression") {
      await writeAudit(tx, {
        ...base,
        type: "stepup.passkey_counter_regression",
        data: { requirementId: requirement.id, ...detail },
      });
    }
    if (options.lockedScope) {
      await writeAudit(tx, {
        ...base,
        type: "stepup.locked",
        data: { requirementId: requirement.id, scope: options.lockedScope, userFailures: options.userFailures },
      });
    }
  });
}

export type SuccessOutcome =
  | { status: "pending"; verifiedMethods: MethodId[] }
  /** `coveredRequirementIds`: the session's other requirements the grant covers, to close after the commit. */
  | { status: "fulfilled"; grantId: string; deviceToken: string | null; coveredRequirementIds: string[] }
  /** A concurrent use of the single-use factor won: nothing recorded; the attempt fails with `failure`. */
  | { status: "claim_lost"; failure: VerifyFailure }
  /** Fulfilled, cancelled or expired meanwhile: nothing recorded, nothing used up. */
  | { status: "not_pending" };

/**
 * A correct factor, recorded in one transaction that first locks the requirement (concurrent correct factors
 * both count: ADR 028), then uses up its single-use factor (`claim`), then adds the method. When that completes
 * a combination: fulfil the requirement, create the grant (bound to the session, and to the call when
 * critical), optionally remember the device, audit — all atomically.
 */
export async function recordVerifiedMethod(
  db: Database,
  options: OutcomeBase & { rememberDevice: boolean; config: StepUpConfig; claim: Claim | null },
): Promise<SuccessOutcome> {
  return db.$transaction((tx) => recordInTransaction(tx, options));
}

async function recordInTransaction(
  tx: Transaction,
  options: OutcomeBase & { rememberDevice: boolean; config: StepUpConfig; claim: Claim | null },
): Promise<SuccessOutcome> {
  const { requirement, method, request, now, config } = options;
  const previous = await lockPendingRequirement(tx, requirement.id);
  if (!previous) return { status: "not_pending" };
  if (options.claim && !(await options.claim.run(tx))) return { status: "claim_lost", failure: options.claim.failure };
  await tx.stepUpAttempt.create({
    data: {
      userId: requirement.userId,
      requirementId: requirement.id,
      method,
      success: true,
      ip: request.ip,
      userAgent: request.userAgent,
      createdAt: now,
    },
  });
  const verified = [...new Set([...previous, method])];
  const base = auditBase(options);
  if (previous.length === 0) {
    await writeAudit(tx, { ...base, type: "stepup.initiated", data: { requirementId: requirement.id, method } });
  }
  const combination = completedCombination(withinFloor(requirement.level, requirement.methods), new Set(verified));
  if (!combination) {
    // Conditional on still pending, though the lock taken above already guarantees it.
    await tx.stepUpRequirement.updateMany({
      where: { id: requirement.id, status: "pending" },
      data: { verifiedMethods: verified },
    });
    return { status: "pending", verifiedMethods: verified };
  }
  const fulfilled = await tx.stepUpRequirement.updateMany({
    where: { id: requirement.id, status: "pending" },
    data: {
      verifiedMethods: verified,
      status: "fulfilled",
      fulfilledAt: now,
      rememberDevice: options.rememberDevice,
    },
  });
  if (fulfilled.count !== 1) throw new Error("Requirement is no longer pending");
  const grant = await tx.stepUpGrant.create({
    select: { id: true, sessionId: true, verifiedAt: true, level: true },
    data: {
      userId: requirement.userId,
      sessionId: requirement.sessionId,
      requirementId: requirement.id,
      level: requirement.level,
      methods: [...combination],
      degraded: requirement.degraded,
      callHash: requirement.level === "critical" ? requirement.callHash : null,
      verifiedAt: now,
      expiresAt: new Date(grantExpiresAt(requirement.level, now.getTime(), config)),
    },
  });
  await addToGrantSummary(tx, { ...grant, userId: requirement.userId, level: requirement.level });
  const coveredRequirementIds = await findCoveredRequirements(tx, requirement, now);
  await writeAudit(tx, {
    ...base,
    type: "stepup.verified",
    secondsToVerify: (now.getTime() - requirement.createdAt.getTime()) / 1000,
    data: {
      requirementId: requirement.id,
      grantId: grant.id,
      level: requirement.level,
      methods: [...combination],
      degraded: requirement.degraded,
      procedure: requirement.procedure,
      coveredRequirementIds,
    },
  });
  let deviceToken: string | null = null;
  // Bound to the browser family it is created on (engine/device-memory.ts decides).
  const family = userAgentFamily(request.userAgent);
  const remember = {
    requested: options.rememberDevice,
    canRemember: requirement.canRemember,
    level: requirement.level,
  };
  if (family && mayRememberDevice({ ...remember, userAgentFamily: family })) {
    deviceToken = generateToken();
    const device = await tx.stepUpRememberedDevice.create({
      data: {
        userId: requirement.userId,
        tokenHash: sha256Hex(deviceToken),
        level: requirement.level,
        label: request.userAgent?.slice(0, 200) ?? "Unknown device",
        ip: request.ip,
        userAgentFamily: family,
        createdAt: now,
        expiresAt: new Date(rememberedDeviceExpiresAt(now.getTime(), config)),
      },
    });
    await writeAudit(tx, {
      ...base,
      type: "stepup.device_remembered",
      data: { deviceId: device.id, level: requirement.level },
    });
  }
  return { status: "fulfilled", grantId: grant.id, deviceToken, coveredRequirementIds };
}

/**
 * Calls that shared one dialog each left a requirement; the grant just earned covers the other
 * non-critical ones of the same session at or below its level, so they are closed right after it
 * (fulfilRequirements) instead of lingering as "pending" until they expire. Critical requirements are
 * bound to one call and stay.
 */
async function findCoveredRequirements(tx: Transaction, requirement: RequirementRecord, now: Date): Promise<string[]> {
  if (requirement.level === "critical") return [];
  const covered = STEP_UP_LEVELS.filter((level) => level !== "critical" && isAtLeast(requirement.level, level));
  const others = await tx.stepUpRequirement.findMany({
    where: {
      sessionId: requirement.sessionId,
      status: "pending",
      id: { not: requirement.id },
      requiredLevel: { in: covered },
      expiresAt: { gt: now },
    },
    select: { id: true },
  });
  return others.map((other) => other.id);
}
