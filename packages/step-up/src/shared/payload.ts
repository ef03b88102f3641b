import type { Combination, Level, StepUpLevel } from "../engine/levels";

/**
 * What `error.data.stepUp` carries (ADR 003). Shared by server and client; types only.
 * STEP_UP_REQUIRED refuses a call; the other codes answer `stepUp.verify` and `stepUp.challenge`.
 */
export interface StepUpRequiredPayload {
  code: "STEP_UP_REQUIRED";
  requirementId: string;
  level: StepUpLevel;
  currentLevel: Level;
  reason: string;
  /** Why, in the words of the policy rule that set the level ("Reason shown to the user"); null when it has none. */
  ruleReason: string | null;
  /** Combinations this user can complete; empty when none is possible (enrol first). */
  methods: Combination[];
  /** ISO 8601 */
  expiresAt: string;
  canRemember: boolean;
  degraded: boolean;
  /**
   * The operation in the host's words, at every level ("Send 20.00 USD to Alice"): the declaration's
   * `summary` for this input, else its `action`; null when it declares neither. Plain text (controls and
   * bidi overrides removed), at most 500 characters; render it as text. For critical it is `summary`,
   * the text the passkey signs (ADR 045).
   */
  action: string | null;
  /** Critical only: the server-rendered operation the passkey approves (ADR 022); null otherwise. */
  summary: string | null;
  /**
   * Seconds until the account's pause ends (too many failures across verifications), present only
   * while it lasts: the dialog says so at once instead of after the first answer it would refuse.
   */
  pausedFor?: number;
}

export type StepUpFailurePayload =
  /** `reason: "replayed"`: a TOTP code that was valid but already used (wait for the next one). */
  | { code: "INVALID_CREDENTIAL"; requirementId: string; attemptsLeft: number; reason?: "replayed" }
  | { code: "LOCKED"; scope: "requirement" | "user"; retryAfter: number }
  | { code: "EXPIRED"; requirementId: string }
  /** The requirement was already fulfilled (by this dialog or another): retry the call, no second grant. */
  | { code: "ALREADY_FULFILLED"; requirementId: string }
  | { code: "METHOD_NOT_ALLOWED"; requirementId: string }
  /** The gate or the database could not answer (HTTP 503): retry after `retryAfter` seconds (ADR 026). */
  | { code: "UNAVAILABLE"; retryAfter?: number }
  /** `stepUp.challenge` for email_code: wait `retryAfter` seconds before asking for another code. */
  | { code: "RESEND_THROTTLED"; retryAfter: number };

export type StepUpPayload = StepUpRequiredPayload | StepUpFailurePayload;

/** Type guard for code that reads `error.data.stepUp` from an unknown error. */
export function getStepUpPayload(error: unknown): StepUpPayload | null {
  const data = (error as { data?: { stepUp?: StepUpPayload | null } } | null)?.data;
  return data?.stepUp ?? null;
}

export function isStepUpRequired(error: unknown): error is { data: { stepUp: StepUpRequiredPayload } } {
  return getStepUpPayload(error)?.code === "STEP_UP_REQUIRED";
}
