import { METHOD_INFO } from "../../../client/methods";
import type { MethodId } from "../../../engine/levels";

/** What each step-up event says happened, in a word or two; other events have no outcome column. */
const OUTCOMES: Record<string, string> = {
  "stepup.required": "Asked to verify",
  "stepup.initiated": "First factor passed",
  "stepup.verified": "Verified",
  "stepup.failed": "Failed",
  "stepup.bypassed": "Remembered device",
  "stepup.locked": "Locked",
  "stepup.degraded": "Offered weaker methods",
  "stepup.cancelled": "Cancelled",
  "stepup.refused": "Refused: no method strong enough",
  "stepup.would_require": "Would require (report only)",
  "stepup.device_mismatch": "Device cookie ignored",
};

const LOCK_SCOPES: Record<string, string> = { requirement: "this verification", user: "the account" };

/** The outcome of a step-up event, with the method or the lock's scope when the event names one. */
export function describeOutcome(type: string, data: unknown): string | null {
  const outcome = OUTCOMES[type];
  if (!outcome) return null;
  const fields = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  const method = METHOD_INFO[fields.method as MethodId]?.label;
  const scope = LOCK_SCOPES[String(fields.scope)];
  if (type === "stepup.locked" && scope) return `${outcome}: ${scope}`;
  return method ? `${outcome} (${method})` : outcome;
}
