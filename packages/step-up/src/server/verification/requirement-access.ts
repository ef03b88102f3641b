import "server-only";
import { TRPCError } from "@trpc/server";
import { remainingMethods, withinFloor, type MethodId } from "../../engine";
import type { Database } from "../db";
import type { StepUpSession } from "../session";
import { getVerifier, type Verifier, type VerifyContext } from "../../methods";
import { stepUpFailure } from "../errors";
import { secondsUntil, userLockoutSeconds } from "./attempt-slots";
import { createMethodStore } from "./method-store";
import { expireRequirement, getRequirement, type RequestInfo, type RequirementRecord } from "./requirements";
import type { StepUpServices } from "../services";

/** Lockout → ownership → state → method: a requirement this session may verify now, with `method`. */
export async function requireUsableRequirement(options: {
  db: Database;
  services: StepUpServices;
  session: StepUpSession;
  requirementId: string;
  method: MethodId;
  now: Date;
}): Promise<{ requirement: RequirementRecord; verifier: Verifier }> {
  const { db, session, now, method } = options;
  const { config } = options.services;
  const lockedFor = await userLockoutSeconds(db, { userId: session.userId, config, now });
  if (lockedFor > 0) throw stepUpFailure({ code: "LOCKED", scope: "user", retryAfter: lockedFor });

  const requirement = await requireOwnRequirement(db, options.requirementId, session);
  // Precise, and never a second grant: the grant it earned is what the retried call uses.
  if (requirement.status === "fulfilled")
    throw stepUpFailure({ code: "ALREADY_FULFILLED", requirementId: requirement.id });
  if (requirement.status !== "pending" || requirement.expiresAt <= now) {
    if (requirement.status === "pending") await expireRequirement(db, requirement.id);
    throw stepUpFailure({ code: "EXPIRED", requirementId: requirement.id });
  }
  if (requirement.failedAttempts >= config.lockout.maxFailuresPerRequirement) {
    throw stepUpFailure({ code: "LOCKED", scope: "requirement", retryAfter: secondsUntil(requirement.expiresAt, now) });
  }
  // Within the floor again: a requirement stored before it (or by a misconfigured server) must not let an
  // email code or a password alone clear high or critical (ADR 011).
  const allowed = withinFloor(requirement.level, requirement.methods);
  const stillNeeded = remainingMethods(allowed, new Set(requirement.verifiedMethods));
  if (!stillNeeded.some((combination) => combination.includes(method))) {
    throw stepUpFailure({ code: "METHOD_NOT_ALLOWED", requirementId: requirement.id });
  }
  return { requirement, verifier: getVerifier(method) };
}

export function verifyContext(options: {
  db: Database;
  services: StepUpServices;
  session: StepUpSession;
  request: RequestInfo;
  requirement: RequirementRecord;
  now: Date;
}): VerifyContext {
  const { requirement, services } = options;
  return {
    db: options.db,
    userId: options.session.userId,
    organizationId: requirement.organizationId,
    requirementId: requirement.id,
    level: requirement.level,
    callBinding: requirement.callHash ? { callHash: requirement.callHash, summary: requirement.summary } : null,
    requirementExpiresAt: requirement.expiresAt,
    now: options.now,
    relyingParty: services.relyingParty,
    mailer: services.mailer,
    crypto: services.crypto,
    users: services.users,
    request: { ip: options.request.ip, userAgent: options.request.userAgent },
    store: createMethodStore(options.db),
  };
}

/** A requirement is visible only to the session that it was created for; anything else looks absent. */
export async function requireOwnRequirement(
  db: Database,
  requirementId: string,
  session: StepUpSession,
): Promise<RequirementRecord> {
  const requirement = await getRequirement(db, requirementId);
  if (!requirement || requirement.userId !== session.userId || requirement.sessionId !== session.id) {
    throw new TRPCError({ code: "NOT_FOUND", message: "No such step-up requirement" });
  }
  return requirement;
}
