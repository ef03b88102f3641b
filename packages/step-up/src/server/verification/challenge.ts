import "server-only";
import type { MethodId } from "../../engine";
import type { Database } from "../db";
import type { StepUpSession } from "../session";
import type { IssuedChallenge } from "../../methods";
import { stepUpFailure } from "../errors";
import { requireUsableRequirement, verifyContext } from "./requirement-access";
import type { RequestInfo } from "./requirements";
import type { StepUpServices } from "../services";

export interface ChallengeOptions {
  db: Database;
  services: StepUpServices;
  session: StepUpSession;
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
    case "not_allowed_at_level":
      throw stepUpFailure({ code: "METHOD_NOT_ALLOWED", requirementId: requirement.id });
    case "unavailable":
      throw stepUpFailure({ code: "UNAVAILABLE" });
  }
}
