import type { StepUpPayload } from "./payload";

/**
 * The JSON error of a refused call outside tRPC (route handler body, Server Action result). `data.stepUp`
 * is where the tRPC error carries it, so `getStepUpPayload(body.error)` reads both (ADR 020). Types only.
 */
export interface StepUpErrorBody {
  error: {
    code: string;
    message: string;
    data: { httpStatus: number; stepUp: StepUpPayload | null; issues?: unknown };
  };
}

/** What a guarded Server Action returns: its data, or the refusal. Expected failures are results, not throws. */
export type StepUpActionResult<T> = { ok: true; data: T } | ({ ok: false } & StepUpErrorBody);
