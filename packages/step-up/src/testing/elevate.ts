import type { MethodId } from "../engine";
import type { StepUp } from "../server/create-step-up";

export interface ElevateOptions {
  userId: string;
  /** The host's session id the grant is bound to (as your identity port reports it). */
  sessionId: string;
  level: "medium" | "high" | "critical";
  /** The combination recorded as verified; default the level's first configured one. It must complete the level. */
  methods?: MethodId[];
  /** Critical only: the one call the grant allows, as its procedure path and parsed input. */
  call?: { procedure: string; input: unknown };
  organizationId?: string | null;
}

export interface ElevateResult {
  grantId: string;
  level: "medium" | "high" | "critical";
  methods: MethodId[];
}

/** The procedure name `elevate` gives its requirement: its audit rows name it, so they are never taken for a user's. */
export const ELEVATE_PROCEDURE = "@step-up/next/testing:elevate";

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
