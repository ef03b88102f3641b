import "server-only";
import type { StepUpConfig } from "../../engine";
import type { Database } from "../db";
import { stepUpFailure } from "../errors";
import { holdLock, lockedForMs, noMatch, releaseSlot, reserveSlot } from "./limits";
import type { RequirementRecord } from "./requirements";

/**
 * The two attempt limits, reserved in the database before a factor is checked: one per requirement
 * (a conditional increment of its failedAttempts) and one per user across requirements (StepUpLimit).
 * A correct factor gives both back; a wrong one keeps them. No process-local queue: the limits hold for
 * any number of instances on one database.
 */
export function userLimitKey(userId: string): string {
  return `verify:${userId}`;
}

export interface AttemptSlots {
  /** Gives both reservations back: the factor was right, or it was never evaluated. */
  release(): Promise<void>;
  /** This failure's number on the requirement and for the user, and the scope it locked, if any. */
  fail(): Promise<{ requirementFailures: number; userFailures: number; lockedScope: "user" | "requirement" | null }>;
}

export async function reserveAttempt(
  db: Database,
  options: { requirement: RequirementRecord; config: StepUpConfig; now: Date },
): Promise<AttemptSlots> {
  const { requirement, now } = options;
  const { lockout } = options.config;
  // UPDATE … WHERE failedAttempts < max RETURNING: admission and this attempt's number in one statement.
  const taken = await db.stepUpRequirement
    .update({
      where: { id: requirement.id, status: "pending", failedAttempts: { lt: lockout.maxFailuresPerRequirement } },
      data: { failedAttempts: { increment: 1 } },
      select: { failedAttempts: true },
    })
    .catch(noMatch);
  if (!taken) return refuseRequirement(db, requirement, now);

  const userKey = userLimitKey(requirement.userId);
  const user = await reserveSlot(db, {
    key: userKey,
    max: lockout.maxFailuresPerUser,
    windowMs: lockout.userWindowMs,
    now,
  });
  if (!user.ok) {
    await releaseRequirementSlot(db, requirement.id);
    throw stepUpFailure({ code: "LOCKED", scope: "user", retryAfter: Math.ceil(user.retryAfterMs / 1000) });
  }

  return {
    async release() {
      await Promise.all([releaseRequirementSlot(db, requirement.id), releaseSlot(db, userKey)]);
    },
    async fail() {
      const requirementFailures = taken.failedAttempts;
      const userFailures = user.position;
      const lockedScope =
        userFailures >= lockout.maxFailuresPerUser
          ? "user"
          : requirementFailures >= lockout.maxFailuresPerRequirement
            ? "requirement"
            : null;
      // The user's lock lasts from the failure that filled the window, not from its first failure.
      if (lockedScope === "user")
        await holdLock(db, { key: userKey, until: new Date(now.getTime() + lockout.userLockoutMs) });
      return { requirementFailures, userFailures, lockedScope };
    },
  };
}

/** Seconds the user is locked out of step-up for, or 0. */
export async function userLockoutSeconds(
  db: Database,
  options: { userId: string; config: StepUpConfig; now: Date },
): Promise<number> {
  const ms = await lockedForMs(db, {
    key: userLimitKey(options.userId),
    max: options.config.lockout.maxFailuresPerUser,
    now: options.now,
  });
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

async function releaseRequirementSlot(db: Database, requirementId: string): Promise<void> {
  await db.stepUpRequirement.updateMany({
    where: { id: requirementId, failedAttempts: { gt: 0 } },
    data: { failedAttempts: { decrement: 1 } },
  });
}

/** The conditional increment matched nothing: say precisely why (a concurrent call changed the row). */
async function refuseRequirement(db: Database, requirement: RequirementRecord, now: Date): Promise<never> {
  const row = await db.stepUpRequirement.findUnique({ where: { id: requirement.id }, select: { status: true } });
  if (row?.status === "fulfilled") throw stepUpFailure({ code: "ALREADY_FULFILLED", requirementId: requirement.id });
  if (row?.status !== "pending") throw stepUpFailure({ code: "EXPIRED", requirementId: requirement.id });
  throw stepUpFailure({ code: "LOCKED", scope: "requirement", retryAfter: secondsUntil(requirement.expiresAt, now) });
}

export function secondsUntil(date: Date, now: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 1000));
}
