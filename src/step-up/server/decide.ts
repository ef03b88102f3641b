import "server-only";
import { callBindingString, clampRisk, evaluate, type Decision, type MethodId, type PolicySnapshot } from "../engine";
import type { Database } from "@/server/db";
import type { AuthSession } from "@/server/auth/session";
import { sha256Hex } from "@/server/crypto";
import { buildCallContext, type StepUpDeclaration } from "./call-context";
import { loadGrants, loadRememberedDevice } from "./store/grants";
import { countRecentFailures, loadEnrolledMethods } from "./store/credentials";
import { loadPolicies } from "./store/policies";
import type { RequestInfo } from "./store/requirements";
import type { StepUpServices } from "./services";

export interface DecideOptions<TInput> {
  db: Database;
  services: StepUpServices;
  session: AuthSession;
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
}

/** Loads the snapshot the engine needs (as little as possible on the happy path) and decides. */
export async function decideCall<TInput>(options: DecideOptions<TInput>): Promise<CallDecision> {
  const { db, services, session, request, path, input } = options;
  const now = services.now();
  const nowMs = now.getTime();
  const [policies, device] = await Promise.all([
    loadPolicies(db, nowMs),
    request.deviceToken ? loadRememberedDevice(db, { token: request.deviceToken, userId: session.userId, now }) : null,
  ]);
  // Non-critical grants come with the session row; critical ones are read only for a critical call.
  let grants = session.grants;
  const identity = {
    userId: session.userId,
    organizationId: session.activeOrganizationId,
    sessionId: session.id,
    procedure: path,
  };
  const callHash = sha256Hex(callBindingString(path, input));
  const decide = (risk: number, availableMethods: ReadonlySet<MethodId> = new Set()) =>
    evaluate(
      {
        context: buildCallContext(identity, input, options.declaration, risk),
        policies,
        grants,
        device,
        availableMethods,
        callHash,
        now: nowMs,
      },
      services.config,
    );

  // Cheap risk first (no query); the full score only when risk can change the outcome.
  const cheapSignals = {
    newIp: differs(session.ip, request.ip),
    newUserAgent: differs(session.userAgent, request.userAgent),
  };
  let risk = clampRisk(services.scoreRisk({ ...cheapSignals, recentFailures: 0 }));
  let decision = decide(risk);
  if (decision.level === "critical") {
    grants = await loadGrants(db, session.id, now);
    decision = decide(risk);
  }
  if (decision.required || device || usesRisk(policies)) {
    const since = new Date(nowMs - services.config.lockout.userWindowMs);
    risk = clampRisk(
      services.scoreRisk({ ...cheapSignals, recentFailures: await countRecentFailures(db, session.userId, since) }),
    );
    decision = decide(risk);
  }
  if (decision.required) {
    decision = decide(risk, await loadEnrolledMethods(db, session.userId, { mailer: services.mailer !== null }));
  }
  return { decision, risk, callHash, now };
}

function differs(known: string | null, current: string | null): boolean {
  return known !== null && current !== null && known !== current;
}

function usesRisk(policies: PolicySnapshot[]): boolean {
  return policies.some((p) => p.rules.some((r) => r.kind === "risk" || r.kind === "condition"));
}
