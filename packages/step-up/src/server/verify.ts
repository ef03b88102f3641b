import "server-only";
import { remainingMethods, type MethodId, type StepUpConfig } from "../engine";
import type { FailureDetail, VerifyFailure } from "../methods";
import { stepUpFailure } from "./errors";
import { requireUsableRequirement, secondsUntil, verifyContext } from "./requirement-access";
import { countRecentFailures, userLockoutSeconds } from "./store/credentials";
import type { RequirementRecord } from "./store/requirements";
import { recordFailedAttempt, recordVerifiedMethod } from "./store/verifications";
import type { ChallengeOptions } from "./challenge";

export interface VerifyOptions extends ChallengeOptions {
  credential: string;
  rememberDevice: boolean;
}

export type VerifyOutcome =
  { status: "pending"; remaining: MethodId[][] } | { status: "fulfilled"; remaining: []; deviceToken: string | null };

/**
 * One factor of a requirement, in a fixed order: rate limit → ownership → state → method → verify → record.
 * A user's verifications run one at a time: the attempt limits read the failure counts, then record,
 * so guesses sent in parallel must not all pass the check before any of them is recorded.
 */
export function verifyStepUp(options: VerifyOptions): Promise<VerifyOutcome> {
  return options.services.queue.run(options.session.userId, () => verifyOnce(options));
}

async function verifyOnce(options: VerifyOptions): Promise<VerifyOutcome> {
  const { db, services, session, request, method } = options;
  const { config } = services;
  const now = services.now();
  const { requirement, verifier } = await requireUsableRequirement({
    db,
    services,
    session,
    requirementId: options.requirementId,
    method,
    now,
  });

  const context = verifyContext({ db, services, session, request, requirement, now });
  const result = await verifier.verify(context, options.credential);
  if (!result.ok)
    return failAttempt({
      ...options,
      requirement,
      failure: result.failure,
      detail: result.detail ?? null,
      config,
      now,
    });

  const outcome = await recordVerifiedMethod(db, {
    requirement,
    method,
    request,
    now,
    rememberDevice: options.rememberDevice,
    config,
  });
  if (outcome.status === "pending") {
    return { status: "pending", remaining: remainingMethods(requirement.methods, new Set(outcome.verifiedMethods)) };
  }
  return { status: "fulfilled", remaining: [], deviceToken: outcome.deviceToken };
}

async function failAttempt(
  options: VerifyOptions & {
    requirement: RequirementRecord;
    failure: VerifyFailure;
    detail: FailureDetail | null;
    config: StepUpConfig;
    now: Date;
  },
): Promise<never> {
  const { db, requirement, config, now, session } = options;
  const lockoutOptions = {
    userId: session.userId,
    now,
    maxFailures: config.lockout.maxFailuresPerUser,
    windowMs: config.lockout.userWindowMs,
    lockoutMs: config.lockout.userLockoutMs,
  };
  const windowStart = new Date(now.getTime() - config.lockout.userWindowMs);
  const userFailures = (await countRecentFailures(db, session.userId, windowStart)) + 1;
  const requirementFailures = requirement.failedAttempts + 1;
  const lockedScope =
    userFailures >= config.lockout.maxFailuresPerUser
      ? "user"
      : requirementFailures >= config.lockout.maxFailuresPerRequirement
        ? "requirement"
        : null;
  await recordFailedAttempt(db, {
    requirement,
    method: options.method,
    request: options.request,
    now,
    failure: options.failure,
    detail: options.detail,
    lockedScope,
    userFailures,
  });
  if (lockedScope === "user") {
    throw stepUpFailure({ code: "LOCKED", scope: "user", retryAfter: await userLockoutSeconds(db, lockoutOptions) });
  }
  if (lockedScope === "requirement") {
    throw stepUpFailure({ code: "LOCKED", scope: "requirement", retryAfter: secondsUntil(requirement.expiresAt, now) });
  }
  throw stepUpFailure({
    code: "INVALID_CREDENTIAL",
    requirementId: requirement.id,
    attemptsLeft: config.lockout.maxFailuresPerRequirement - requirementFailures,
    // The one failure the user can act on: the code was right but used already, so wait for the next one.
    ...(options.failure === "replayed" && options.method === "totp" ? { reason: "replayed" as const } : {}),
  });
}
