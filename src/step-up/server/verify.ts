import "server-only";
import { TRPCError } from "@trpc/server";
import { remainingMethods, type MethodId, type StepUpConfig } from "../engine";
import type { Database } from "@/server/db";
import type { AuthSession } from "@/server/auth/session";
import { getVerifier, type FailureDetail, type IssuedChallenge, type Verifier, type VerifyContext, type VerifyFailure } from "../methods";
import { stepUpFailure } from "./errors";
import { countRecentFailures, userLockoutSeconds } from "./store/credentials";
import { expireRequirement, getRequirement, type RequestInfo, type RequirementRecord } from "./store/requirements";
import { recordFailedAttempt, recordVerifiedMethod } from "./store/verifications";
import type { StepUpServices } from "./services";

export interface VerifyOptions {
  db: Database;
  services: StepUpServices;
  session: AuthSession;
  request: RequestInfo;
  requirementId: string;
  method: MethodId;
  credential: string;
  rememberDevice: boolean;
}

export type VerifyOutcome =
  | { status: "pending"; remaining: MethodId[][] }
  | { status: "fulfilled"; remaining: []; deviceToken: string | null };

/**
 * One factor of a requirement, in a fixed order: rate limit → ownership → state → method → verify → record.
 * A user's verifications run one at a time: the attempt limits read the failure counts, then record,
 * so guesses sent in parallel must not all pass the check before any of them is recorded.
 */
export function verifyStepUp(options: VerifyOptions): Promise<VerifyOutcome> {
  return oneAtATimePerUser(options.session.userId, () => verifyOnce(options));
}

// Per-process queue (the demo runs one server process on one SQLite file). A deployment with several
// processes on a shared database needs the same guarantee from the database (an atomic attempt reservation).
const userQueues = new Map<string, Promise<unknown>>();

function oneAtATimePerUser<T>(userId: string, task: () => Promise<T>): Promise<T> {
  const run = (userQueues.get(userId) ?? Promise.resolve()).then(task);
  const tail = run.catch(() => undefined);
  userQueues.set(userId, tail);
  void tail.then(() => {
    if (userQueues.get(userId) === tail) userQueues.delete(userId);
  });
  return run;
}

async function verifyOnce(options: VerifyOptions): Promise<VerifyOutcome> {
  const { db, services, session, request, method } = options;
  const { config } = services;
  const now = services.now();
  const { requirement, verifier } = await requireUsableRequirement({ db, services, session, requirementId: options.requirementId, method, now });

  const context = verifyContext({ db, services, session, request, requirement, now });
  const result = await verifier.verify(context, options.credential);
  if (!result.ok) return failAttempt({ ...options, requirement, failure: result.failure, detail: result.detail ?? null, config, now });

  const outcome = await recordVerifiedMethod(db, { requirement, method, request, now, rememberDevice: options.rememberDevice, config });
  if (outcome.status === "pending") {
    return { status: "pending", remaining: remainingMethods(requirement.methods, new Set(outcome.verifiedMethods)) };
  }
  return { status: "fulfilled", remaining: [], deviceToken: outcome.deviceToken };
}

export interface ChallengeOptions {
  db: Database;
  services: StepUpServices;
  session: AuthSession;
  request: RequestInfo;
  requirementId: string;
  method: MethodId;
}

/**
 * The first step of a passkey (a fresh WebAuthn challenge) or an email code (send, or resend when
 * the throttle allows). Same checks as verify: lockout → ownership → state → method.
 */
export async function issueChallenge(options: ChallengeOptions): Promise<IssuedChallenge> {
  const { db, services, session, request } = options;
  const now = services.now();
  const { requirement, verifier } = await requireUsableRequirement({ ...options, now });
  if (!verifier.issue) throw stepUpFailure({ code: "METHOD_NOT_ALLOWED", requirementId: requirement.id });
  const result = await verifier.issue(verifyContext({ db, services, session, request, requirement, now }));
  if (result.ok) return result.challenge;
  switch (result.failure) {
    case "throttled":
      throw stepUpFailure({ code: "RESEND_THROTTLED", retryAfter: result.retryAfter });
    case "not_enrolled":
      throw stepUpFailure({ code: "METHOD_NOT_ALLOWED", requirementId: requirement.id });
    case "unavailable":
      throw stepUpFailure({ code: "UNAVAILABLE" });
  }
}

/** Lockout → ownership → state → method: a requirement this session may verify now, with `method`. */
async function requireUsableRequirement(options: {
  db: Database;
  services: StepUpServices;
  session: AuthSession;
  requirementId: string;
  method: MethodId;
  now: Date;
}): Promise<{ requirement: RequirementRecord; verifier: Verifier }> {
  const { db, session, now, method } = options;
  const { config } = options.services;
  const lockout = { userId: session.userId, now, maxFailures: config.lockout.maxFailuresPerUser, windowMs: config.lockout.userWindowMs, lockoutMs: config.lockout.userLockoutMs };

  const lockedFor = await userLockoutSeconds(db, lockout);
  if (lockedFor > 0) throw stepUpFailure({ code: "LOCKED", scope: "user", retryAfter: lockedFor });

  const requirement = await requireOwnRequirement(db, options.requirementId, session);
  if (requirement.status !== "pending" || requirement.expiresAt <= now) {
    if (requirement.status === "pending") await expireRequirement(db, requirement.id);
    throw stepUpFailure({ code: "EXPIRED", requirementId: requirement.id });
  }
  if (requirement.failedAttempts >= config.lockout.maxFailuresPerRequirement) {
    throw stepUpFailure({ code: "LOCKED", scope: "requirement", retryAfter: secondsUntil(requirement.expiresAt, now) });
  }
  const stillNeeded = remainingMethods(requirement.methods, new Set(requirement.verifiedMethods));
  if (!stillNeeded.some((combination) => combination.includes(method))) {
    throw stepUpFailure({ code: "METHOD_NOT_ALLOWED", requirementId: requirement.id });
  }
  return { requirement, verifier: getVerifier(method) };
}

function verifyContext(options: { db: Database; services: StepUpServices; session: AuthSession; request: RequestInfo; requirement: RequirementRecord; now: Date }): VerifyContext {
  const { requirement, services } = options;
  return {
    db: options.db,
    userId: options.session.userId,
    organizationId: requirement.organizationId,
    requirementId: requirement.id,
    level: requirement.level,
    requirementExpiresAt: requirement.expiresAt,
    now: options.now,
    relyingParty: services.relyingParty,
    mailer: services.mailer,
    request: { ip: options.request.ip, userAgent: options.request.userAgent },
  };
}

async function failAttempt(
  options: VerifyOptions & { requirement: RequirementRecord; failure: VerifyFailure; detail: FailureDetail | null; config: StepUpConfig; now: Date },
): Promise<never> {
  const { db, requirement, config, now, session } = options;
  const lockoutOptions = { userId: session.userId, now, maxFailures: config.lockout.maxFailuresPerUser, windowMs: config.lockout.userWindowMs, lockoutMs: config.lockout.userLockoutMs };
  const windowStart = new Date(now.getTime() - config.lockout.userWindowMs);
  const userFailures = (await countRecentFailures(db, session.userId, windowStart)) + 1;
  const requirementFailures = requirement.failedAttempts + 1;
  const lockedScope =
    userFailures >= config.lockout.maxFailuresPerUser ? "user" : requirementFailures >= config.lockout.maxFailuresPerRequirement ? "requirement" : null;
  await recordFailedAttempt(db, { requirement, method: options.method, request: options.request, now, failure: options.failure, detail: options.detail, lockedScope, userFailures });
  if (lockedScope === "user") {
    throw stepUpFailure({ code: "LOCKED", scope: "user", retryAfter: await userLockoutSeconds(db, lockoutOptions) });
  }
  if (lockedScope === "requirement") {
    throw stepUpFailure({ code: "LOCKED", scope: "requirement", retryAfter: secondsUntil(requirement.expiresAt, now) });
  }
  throw stepUpFailure({ code: "INVALID_CREDENTIAL", requirementId: requirement.id, attemptsLeft: config.lockout.maxFailuresPerRequirement - requirementFailures });
}

/** A requirement is visible only to the session that it was created for; anything else looks absent. */
export async function requireOwnRequirement(db: Database, requirementId: string, session: AuthSession): Promise<RequirementRecord> {
  const requirement = await getRequirement(db, requirementId);
  if (!requirement || requirement.userId !== session.userId || requirement.sessionId !== session.id) {
    throw new TRPCError({ code: "NOT_FOUND", message: "No such step-up requirement" });
  }
  return requirement;
}

function secondsUntil(date: Date, now: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 1000));
}
