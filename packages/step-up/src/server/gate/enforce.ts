import "server-only";
import { isStepUpLevel, ruleReason } from "../../engine";
import { userLockoutSeconds } from "../verification/attempt-slots";
import { DEVICE_COOKIE, readCookie } from "../cookies";
import { decideCall, type CallDecision, type DecideOptions } from "../decide";
import { StepUpError, stepUpFailure, stepUpRequired } from "../errors";
import type { CallOutcome } from "../call-stats/call-stats";
import { recordBypass, recordDeviceMismatch, recordWouldRequire } from "../audit/events";
import { consumeGrant } from "../grants/grants";
import { createRequirement } from "../verification/requirements";
import type { StepUpContext, StepUpSession } from "../session";
import type { StepUpDeclaration } from "../call-context";
import { reportOnce, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../unavailable";

export type EnforceOptions<TInput> = DecideOptions<TInput>;

/**
 * The whole gate: load a snapshot → decide (pure engine) → let through, or persist a requirement and throw.
 * Fails closed: any unexpected error is reported once (the instance's `onError`, with its cause) and refuses
 * the call with UNAVAILABLE (503 + Retry-After), the error kept as its cause (ADR 026).
 */
export async function enforceStepUp<TInput>(options: EnforceOptions<TInput>): Promise<void> {
  const count = (outcome: CallOutcome) =>
    options.services.callStats.count({
      organizationId: options.session.activeOrganizationId,
      outcome,
      at: options.services.now(),
    });
  try {
    count(await applyDecision(options, await decideCall(options)));
  } catch (error) {
    count(error instanceof StepUpError && error.payload.code === "STEP_UP_REQUIRED" ? "required" : "refused");
    if (error instanceof StepUpError) throw error;
    reportOnce(options.services.onError, error, { event: "gate.failed", path: options.path });
    throw stepUpFailure({ code: "UNAVAILABLE", retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS }, { cause: error });
  }
}

/** Lets the call through (saying how) or throws. */
async function applyDecision<TInput>(
  options: EnforceOptions<TInput>,
  call: CallDecision,
): Promise<"allowed" | "bypassed"> {
  const { db, session, request, path } = options;
  const { decision, now, risk } = call;
  const audit = { userId: session.userId, organizationId: session.activeOrganizationId, request, now, path };
  const satisfied = decision.satisfiedBy;
  // Report-only policies: one row per call, written once its outcome is known (audit/events.ts).
  const reportOnly = decision.wouldRequire.length > 0 && { ...audit, decision, callHash: call.callHash };
  if (reportOnly && satisfied)
    await recordWouldRequire(db, {
      ...reportOnly,
      grantId: satisfied.kind === "grant" ? satisfied.grantId : undefined,
    });

  if (satisfied?.kind === "not_required") return "allowed";
  // A critical grant is consumed atomically: of two concurrent retries, one passes, one is refused.
  if (satisfied?.kind === "grant" && (!satisfied.consume || (await consumeGrant(db, satisfied.grantId, now))))
    return "allowed";
  if (satisfied?.kind === "device") {
    await recordBypass(db, { ...audit, deviceId: satisfied.deviceId, level: decision.level, risk });
    return "bypassed";
  }
  if (call.deviceMismatch) await recordDeviceMismatch(db, { ...audit, mismatch: call.deviceMismatch });
  return refuse(options, call, reportOnly || null);
}

async function refuse<TInput>(
  options: EnforceOptions<TInput>,
  call: CallDecision,
  reportOnly: Parameters<typeof recordWouldRequire>[1] | null,
): Promise<never> {
  const { db, session, services } = options;
  const { decision, now } = call;
  const level = decision.level;
  if (!isStepUpLevel(level)) throw new Error("Refusing a call that needs no step-up");
  const action = callSummary(options);
  const requirement = await createRequirement(db, {
    userId: session.userId,
    sessionId: session.id,
    organizationId: session.activeOrganizationId,
    procedure: options.path,
    decision: { ...decision, level },
    callHash: level === "critical" ? call.callHash : null,
    summary: level === "critical" ? action : null,
    risk: call.risk,
    request: { ip: options.request.ip, userAgent: options.request.userAgent },
    now,
    ttlMs: services.config.requirementTtlMs,
  });
  if (reportOnly) await recordWouldRequire(db, { ...reportOnly, requirementId: requirement.id });
  // Read on refusals only (never on the allowed path): the requirement is still stored, for after the pause.
  const pausedFor = await userLockoutSeconds(db, { userId: session.userId, config: services.config, now });
  throw stepUpRequired({
    requirementId: requirement.id,
    level,
    currentLevel: decision.currentLevel,
    reason: decision.reason,
    ruleReason: ruleReason(decision),
    methods: decision.methods,
    expiresAt: requirement.expiresAt.toISOString(),
    canRemember: decision.canRemember,
    degraded: decision.degraded,
    // Critical: the stored summary itself, the text the passkey signs (ADR 022).
    action: level === "critical" ? requirement.summary : action,
    summary: requirement.summary,
    ...(pausedFor > 0 && { pausedFor }),
  });
}

/**
 * The call in the host's words, as the declaration renders it (`summary`, else `action`): the dialog's
 * "You are approving" line at every level, and a critical call's signed summary (ADR 022, ADR 045).
 * Plain text: control and bidi-override characters are removed, so a recipient typed as
 * "\u202Eevil" cannot reorder what the user reads; capped so a row and the dialog stay small.
 */
function callSummary<TInput>({ declaration, input }: EnforceOptions<TInput>): string | null {
  const { summary, action } = declaration;
  const text = summary ? summary(input) : typeof action === "function" ? action(input) : action;
  const plain = text?.replace(UNSAFE_CHARACTERS, "").trim();
  return plain ? plain.slice(0, MAX_ACTION_LENGTH) : null;
}

/** C0/C1 controls (newlines included), bidi embeddings, overrides and isolates, and the line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** The payload's `action` and the critical summary: at most this many UTF-16 units. */
const MAX_ACTION_LENGTH = 500;

/** The gate for one call in a resolved context, whatever carried it (tRPC, a route handler, a Server Action). */
export function enforceInContext<TInput>(
  ctx: StepUpContext,
  session: StepUpSession,
  call: { path: string; input: TInput; declaration: StepUpDeclaration<TInput> },
): Promise<void> {
  return enforceStepUp({
    db: ctx.db,
    services: ctx.stepUp,
    session,
    request: {
      ip: ctx.request.ip,
      userAgent: ctx.request.userAgent,
      deviceToken: readCookie(ctx.request.headers, DEVICE_COOKIE),
    },
    path: call.path,
    input: call.input,
    declaration: call.declaration,
  });
}
