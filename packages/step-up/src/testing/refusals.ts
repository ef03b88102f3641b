import type { StepUpPayload, StepUpRequiredPayload } from "../shared/payload";

export interface CaughtRefusal {
  /** The tRPC error code (FORBIDDEN, BAD_REQUEST, TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE…). */
  code: string | undefined;
  /** What the client would read in `error.data.stepUp`; null for an error that is not step-up's. */
  stepUp: StepUpPayload | null;
  error: unknown;
}

/**
 * Awaits a call that must fail and returns its tRPC code and step-up payload; throws when it succeeds.
 *
 * @example
 * const { stepUp } = await catchStepUp(api.stepUp.verify({ requirementId, method: "totp", credential }));
 * expect(stepUp).toMatchObject({ code: "INVALID_CREDENTIAL", attemptsLeft: 4 });
 */
export async function catchStepUp(call: Promise<unknown>): Promise<CaughtRefusal> {
  try {
    await call;
  } catch (error) {
    const { findStepUpPayload } = await import("../server/errors");
    return { code: (error as { code?: string }).code, stepUp: findStepUpPayload(error), error };
  }
  throw new Error("catchStepUp: the call succeeded");
}

/** Awaits a call that must be refused with STEP_UP_REQUIRED and returns the requirement (id, level, methods). */
export async function expectStepUpRequired(call: Promise<unknown>): Promise<StepUpRequiredPayload> {
  const { stepUp, error } = await catchStepUp(call);
  if (stepUp?.code !== "STEP_UP_REQUIRED")
    throw new Error(`expectStepUpRequired: refused with ${stepUp?.code ?? "a non-step-up error"}`, { cause: error });
  return stepUp;
}
