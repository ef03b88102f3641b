import "server-only";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { StepUpFailurePayload, StepUpPayload, StepUpRequiredPayload } from "../shared/payload";

/**
 * The one step-up error: a TRPCError whose `payload` the errorFormatter copies to `error.data.stepUp`.
 * See docs/decisions/003-step-up-error-payload.md.
 */
export class StepUpError extends TRPCError {
  readonly payload: StepUpPayload;

  /** `options.cause`: what made the call fail (kept for the log, never sent to the client). */
  constructor(code: TRPC_ERROR_CODE_KEY, message: string, payload: StepUpPayload, options: { cause?: unknown } = {}) {
    super({ code, message, cause: options.cause });
    this.name = "StepUpError";
    this.payload = payload;
  }
}

export function stepUpRequired(payload: Omit<StepUpRequiredPayload, "code">): StepUpError {
  return new StepUpError("FORBIDDEN", payload.reason, { code: "STEP_UP_REQUIRED", ...payload });
}

const FAILURE_CODES: Record<StepUpFailurePayload["code"], { code: TRPC_ERROR_CODE_KEY; message: string }> = {
  INVALID_CREDENTIAL: { code: "BAD_REQUEST", message: "That did not match. Check it and try again." },
  LOCKED: { code: "TOO_MANY_REQUESTS", message: "Too many failed attempts. Try again later." },
  EXPIRED: { code: "PRECONDITION_FAILED", message: "This verification has expired. Start again." },
  ALREADY_FULFILLED: { code: "CONFLICT", message: "This verification is already complete." },
  METHOD_NOT_ALLOWED: { code: "BAD_REQUEST", message: "That method cannot be used for this verification." },
  UNAVAILABLE: { code: "SERVICE_UNAVAILABLE", message: "Step-up check unavailable; the call was refused." },
  RESEND_THROTTLED: {
    code: "TOO_MANY_REQUESTS",
    message: "A code was sent a moment ago. Wait before asking for another.",
  },
};

export function stepUpFailure(payload: StepUpFailurePayload, options: { cause?: unknown } = {}): StepUpError {
  const { code, message } = FAILURE_CODES[payload.code];
  return new StepUpError(code, message, payload, options);
}

/** Finds the step-up payload on an error or its cause (tRPC wraps thrown errors). */
export function findStepUpPayload(error: unknown): StepUpPayload | null {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (current instanceof StepUpError) return current.payload;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
