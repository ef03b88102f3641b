/** Rejects every operation that was waiting on a step-up the user cancelled. */
export class StepUpCancelledError extends Error {
  override name = "StepUpCancelledError";
  readonly requirementIds: readonly string[];

  constructor(requirementIds: readonly string[]) {
    super("Verification was cancelled; the action did not run.");
    this.requirementIds = requirementIds;
  }
}

/**
 * True for a StepUpCancelledError, also when the tRPC client wrapped it as the `cause` of a
 * TRPCClientError (which it does for any error a link emits).
 */
export function isStepUpCancelled(error: unknown): error is Error {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (current instanceof StepUpCancelledError) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
