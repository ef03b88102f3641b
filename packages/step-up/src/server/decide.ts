import "server-only";
import { callBindingString, clampRisk, evaluate, type Decision, type MethodId } from "../engine";
import type { Database } from "./db";
import type { StepUpSession } from "./session";
import { sha256Hex } from "./crypto";
import { buildCallContext, type StepUpDeclaration } from "./call-context";
import { historySignals } from "../engine/risk";
import { loadRememberedDevice, type DeviceMismatch } from "./devices/remembered-devices";
import { loadGrants } from "./grants/grants";
import { countRecentFailures, loadRequestHistory } from "./risk/history";
import { loadEnrolledMethods } from "./verification/enrolled-methods";
import type { RequestInfo } from "./verification/requirements";
import type { StepUpServices } from "./services";

export interface DecideOptions<TInput> {
  db: Database;
  services: StepUpServices;
  session: StepUpSession;
  request: RequestInfo & { deviceToken: string | null };
  path: string;
  input: TInput;
  declaration: StepUpDeclaration<TInput>;
}

export interface CallDecision {
  decision: Decision;
  risk: number;
  callHash: string;
  now: Date;
  /** A live device cookie from another browser family: it counted for nothing; audited if the call is refused. */
  deviceMismatch: DeviceMismatch | null;
}

const NO_DEVICE = { device: null, mismatch: null } as const;

/** Loads the snapshot the engine needs (as little as possible on the happy path) and decides. */
export async function decideCall<TInput>(options: DecideOptions<TInput>): Promise<CallDecision> {
  const { db, services, session, request, path, input } = options;
  const now = services.now();
  const nowMs = now.getTime();
  const [policies, { device, mismatch }] = await Promise.all([
    services.policies.load(session.policyRevision),
    request.deviceToken
      ? loadRememberedDevice(db, {
          token: request.deviceToken,
          userId: session.userId,
          userAgent: request.userAgent,
          now,
        })
      : NO_DEVICE,
  ]);
  // Non-critical grants come with the session row; critical ones are read only for a critical call.
  let grants = session.grants;
  const identity = {
    userId: session.userId,
    organizationId: session.activeOrganizationId,
    sessionId: session.id,
    procedure: path,
  };
  // Binds a critical grant to its call (ADR 022): hashed only once a critical level is in play, since
  // the session's own grants are never critical (bench/run.ts: half the gate's own CPU on the hot path).
  let callHash: string | null = null;
  const bindCall = () => (callHash ??= sha256Hex(callBindingString(path, input)));
  const decide = (risk: number, availableMethods: ReadonlySet<MethodId> = new Set()) =>
    evaluate(
      {
        context: buildCallContext(identity, input, options.declaration, risk),
        policies,
        grants,
        device,
        availableMethods,
        callHash: callHash ?? "",
        now: nowMs,
      },
      services.config,
    );

  // Risk reaches an outcome only through risk and condition rules, a remembered device, or a refused
  // call (its remember offer and audit row). Until one of those is in play it is not read (no query on
  // the hot path), and 0 stands in: a call it lets through would pass at any risk.
  let risk = 0;
  let decision = decide(risk);
  if (decision.level === "critical") {
    bindCall();
    grants = await loadGrants(db, session.id, now);
    decision = decide(risk);
  }
  if (decision.required || device || policies.usesRisk) {
    risk = await scoreCallRisk(options, now);
    decision = decide(risk);
  }
  if (decision.required) {
    decision = decide(
      risk,
      await loadEnrolledMethods(db, session.userId, { mailer: services.mailer !== null, users: services.users }),
    );
  }
  return { decision, risk, callHash: decision.level === "critical" ? bindCall() : "", now, deviceMismatch: mismatch };
}

/** The scorer over this request against the user's history (earlier sessions) and recent failures. */
async function scoreCallRisk<TInput>(options: DecideOptions<TInput>, now: Date): Promise<number> {
  const { db, services, session, request } = options;
  const [recentFailures, history] = await Promise.all([
    countRecentFailures(db, session.userId, new Date(now.getTime() - services.config.lockout.userWindowMs)),
    loadRequestHistory(db, {
      userId: session.userId,
      ip: request.ip,
      userAgent: request.userAgent,
      sessionStartedAt: session.authenticatedAt,
      now,
    }),
  ]);
  return clampRisk(services.scoreRisk(historySignals(request, history, recentFailures)));
}
