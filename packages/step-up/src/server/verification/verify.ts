import "server-only";
import { remainingMethods, type MethodId, type StepUpConfig } from "../../engine";
import type { FailureDetail, VerifyFailure } from "../../methods";
import { reserveAttempt, secondsUntil, type AttemptSlots } from "./attempt-slots";
import { stepUpFailure } from "../errors";
import { requireUsableRequirement, verifyContext } from "./requirement-access";
import { fulfilRequirements, getRequirement, type RequirementRecord } from "./requirements";
import { recordFailedAttempt, recordVerifiedMethod } from "./record";
import type { ChallengeOptions } from "./challenge";

export interface VerifyOptions extends ChallengeOptions {
  credential: string;
  rememberDevice: boolean;
}

export type VerifyOutcome =
  { status: "pending"; remaining: MethodId[][] } | { status: "fulfilled"; remaining: []; deviceToken: string | null };

/**
 * One factor of a requirement, in a fixed order: lockout → ownership → state → method → reserve an
 * attempt → verify → record. The attempt is reserved in the database before the factor is checked, so
 * guesses sent in parallel (to one instance or to many) are all counted before any is evaluated. A correct
 * factor is recorded, and a single-use one used up, in one transaction (ADR 028).
 */
export async function verifyStepUp(options: VerifyOptions): Promise<VerifyOutcome> {
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

  const slots = await reserveAttempt(db, { requirement, config, now });
  const context = verifyContext({ db, services, session, request, requirement, now });
  const result = await verifier.verify(context, options.credential).catch(async (error: unknown) => {
    // Not a guess: an error in the verifier gives the attempt back (and still refuses the call).
    await slots.release().catch(() => undefined);
    throw error;
  });
  if (!result.ok)
    return failAttempt({
      ...options,
      requirement,
      slots,
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
    claim: result.claim ?? null,
  }).catch(async (error: unknown) => {
    await slots.release().catch(() => undefined);
    throw error;
  });
  // A concurrent use of the same single-use factor won: this one is a failed attempt, like a replay.
  if (outcome.status === "claim_lost")
    return failAttempt({ ...options, requirement, slots, failure: outcome.failure, detail: null, config, now });
  await slots.release();
  switch (outcome.status) {
    case "not_pending":
      return refuseNotPending(db, requirement);
    case "pending":
      return { status: "pending", remaining: remainingMethods(requirement.methods, new Set(outcome.verifiedMethods)) };
    case "fulfilled":
      // Tidying only: the grant covers those requirements already. A failure is reported, not the user's.
      await fulfilRequirements(db, outcome.coveredRequirementIds, now).catch((error: unknown) =>
        services.onError(error, { event: "requirements.close_covered_failed" }),
      );
      return { status: "fulfilled", remaining: [], deviceToken: outcome.deviceToken };
  }
}

/** Fulfilled, cancelled or expired while this factor was checked: say which, as the state check would have. */
async function refuseNotPending(db: VerifyOptions["db"], requirement: RequirementRecord): Promise<never> {
  const current = await getRequirement(db, requirement.id);
  if (current?.status === "fulfilled")
    throw stepUpFailure({ code: "ALREADY_FULFILLED", requirementId: requirement.id });
  throw stepUpFailure({ code: "EXPIRED", requirementId: requirement.id });
}

async function failAttempt(
  options: VerifyOptions & {
    requirement: RequirementRecord;
    slots: AttemptSlots;
    failure: VerifyFailure;
    detail: FailureDetail | null;
    config: StepUpConfig;
    now: Date;
  },
): Promise<never> {
  const { db, requirement, config, now } = options;
  const { requirementFailures, userFailures, lockedScope } = await options.slots.fail();
  await recordFailedAttempt(db, {
    requirement,
    method: options.method,
    request: options.request,
    now,
    failure: options.failure,
    detail: options.detail,
    lockedScope,
    userFailures,
    attempt: requirementFailures,
  });
  if (lockedScope === "user") {
    throw stepUpFailure({ code: "LOCKED", scope: "user", retryAfter: Math.ceil(config.lockout.userLockoutMs / 1000) });
  }
  if (lockedScope === "requirement") {
    throw stepUpFailure({ code: "LOCKED", scope: "requirement", retryAfter: secondsUntil(requirement.expiresAt, now) });
  }
  throw stepUpFailure({
    code: "INVALID_CREDENTIAL",
    requirementId: requirement.id,
    attemptsLeft: Math.max(0, config.lockout.maxFailuresPerRequirement - requirementFailures),
    // The one failure the user can act on: the code was right but used already, so wait for the next one.
    ...(options.failure === "replayed" && options.method === "totp" ? { reason: "replayed" as const } : {}),
  });
}
