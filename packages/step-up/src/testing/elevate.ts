import type { StepUp } from "../server/create-step-up";
import type { ElevateOptions, ElevateResult } from "./elevate-options";

export { ELEVATE_PROCEDURE, type ElevateOptions, type ElevateResult } from "./elevate-options";

/**
 * Gives a session a grant at `level` without the dialog, through the module's own store code: a
 * requirement, each method recorded as verified, the grant, the session's grant summary and the audit
 * rows, in the transactions a real verification uses (docs/decisions/034-test-kit.md). Refused in
 * production (NODE_ENV=production or an instance created with `production: true`).
 *
 * @example
 * await elevate(stepUp, { userId: user.id, sessionId: session.id, level: "high" });
 */
export async function elevate(stepUp: Pick<StepUp, "services">, options: ElevateOptions): Promise<ElevateResult> {
  if (process.env.NODE_ENV === "production" || stepUp.services.webhooks.production)
    throw new Error("elevate() from @step-up/next/testing is refused in production: it grants without verification");
  const { elevateSession } = await import("./elevate-store");
  return elevateSession(stepUp.services, options);
}
