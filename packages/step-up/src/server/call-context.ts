import "server-only";
import type { CallContext, Level } from "../engine";

/** How a procedure tells step-up what its call is about. Everything is read from the parsed input. */
export interface StepUpDeclaration<TInput> {
  /** The code's own minimum; policies can raise it, never lower it. Default "low" (signed in). */
  level?: Level;
  /**
   * The amount the handler will use, read from the parsed input: exactly the value it debits (no rounding
   * between the rules' check and the action). Parse money to exact minor units in the schema and derive
   * both this and the handler's value from that one field (see `transferInput`).
   */
  amount?: (input: TInput) => { value: number; currency: string } | undefined;
  resource?: { type: string; action: string } | ((input: TInput) => { type: string; action: string });
  /** Human description for the dialog: "Transferring 5,000.00 USD". */
  action?: string | ((input: TInput) => string);
  /**
   * The operation in the user's words ("Send 5,000.00 USD to Alice"), rendered on the server from the
   * parsed input: the payload's `action`, shown as text in the dialog at every level (ADR 045), and for a
   * critical call covered by the passkey's signature (ADR 022). Default: `action`.
   */
  summary?: (input: TInput) => string;
  /**
   * `false` for credential changes (password, factors) and admin changes: a remembered device never
   * stands in for their verification, and their verification never remembers a device. Default true.
   */
  remember?: boolean;
  /**
   * The call adds a factor. A user who can complete none of the level's combinations may then verify at
   * the highest level they can reach (at least medium), so "enrol first" always leads somewhere (ADR 011).
   */
  enrollment?: boolean;
}

export interface CallIdentity {
  userId: string;
  organizationId: string | null;
  sessionId: string;
  procedure: string;
}

export function buildCallContext<TInput>(
  identity: CallIdentity,
  input: TInput,
  declaration: StepUpDeclaration<TInput>,
  risk: number,
): CallContext {
  const resource = typeof declaration.resource === "function" ? declaration.resource(input) : declaration.resource;
  const action = typeof declaration.action === "function" ? declaration.action(input) : declaration.action;
  return {
    ...identity,
    input,
    amount: declaration.amount?.(input),
    resource,
    risk,
    minimumLevel: declaration.level ?? "low",
    action,
    remember: declaration.remember ?? true,
    enrollment: declaration.enrollment ?? false,
  };
}
