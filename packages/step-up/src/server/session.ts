import "server-only";
import { z } from "zod/v4";
import type { GrantSnapshot } from "../engine";
import type { StepUpHttp, StepUpIdentity } from "./ports";
import type { StepUpServices } from "./services";
import { loadSessionState, parseSessionState } from "./grants/session-state";

/** The caller as the module sees it: the host's identity plus this session's live grants. */
export interface StepUpSession {
  /** The host's session id. */
  id: string;
  userId: string;
  activeOrganizationId: string | null;
  role: "admin" | "member";
  authenticatedAt: Date;
  /** Live non-critical step-up grants of this session (ADR 006). */
  grants: GrantSnapshot[];
  /** The policy revision read with the grants: the instance's policy cache serves only this revision. */
  policyRevision: number;
}

export interface StepUpRequest {
  ip: string | null;
  userAgent: string | null;
  headers: Headers;
}

/** What every module procedure sees in `ctx`, built from the host's context by the ports. */
export interface StepUpContext {
  db: StepUpServices["db"];
  stepUp: StepUpServices;
  session: StepUpSession | null;
  request: StepUpRequest;
  resHeaders: Headers;
}

// A wrong mapping must fail loudly with the field at fault, never turn into a silent refusal loop.
const identitySchema = z.object({
  userId: z.string().min(1),
  sessionId: z.string().min(1),
  authenticatedAt: z.date(),
  organizationId: z.string().min(1).nullish(),
  isAdmin: z.boolean().optional(),
  // Both keys present (null when the row is absent): a misspelt column must not read as "no grants".
  sessionState: z
    .record(z.string(), z.unknown())
    .refine((state) => "stepUpGrants" in state && "stepUpRevision" in state, {
      message: "must hold the stepUpGrants and stepUpRevision columns that sessionStateSql selects",
    })
    .optional(),
});

export function parseIdentity(value: unknown): StepUpIdentity | null {
  if (value === null || value === undefined) return null;
  const parsed = identitySchema.safeParse(value);
  if (parsed.success) return parsed.data as StepUpIdentity;
  const fields = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new Error(
    `createStepUp: identity(ctx) must return null or { userId, sessionId, authenticatedAt: Date, organizationId?, isAdmin? } — ${fields.join("; ")}`,
  );
}

export function parseHttp(value: StepUpHttp | undefined): StepUpHttp {
  if (!(value?.headers instanceof Headers) || !(value.resHeaders instanceof Headers))
    throw new Error("createStepUp: http(ctx) must return { headers: Headers, resHeaders: Headers, ip? }");
  return value;
}

export async function buildSession(services: StepUpServices, identity: StepUpIdentity): Promise<StepUpSession> {
  // Read by the host's own session query (sessionStateSql) when it offers it: one query fewer per call.
  const state = identity.sessionState
    ? parseSessionState(identity.sessionState, identity.sessionId)
    : await loadSessionState(services.db, identity.sessionId);
  return {
    id: identity.sessionId,
    userId: identity.userId,
    activeOrganizationId: identity.organizationId ?? null,
    role: identity.isAdmin ? "admin" : "member",
    authenticatedAt: identity.authenticatedAt,
    grants: state.grants,
    policyRevision: state.policyRevision,
  };
}

export function requestOf(http: StepUpHttp): StepUpRequest {
  return { ip: http.ip ?? null, userAgent: http.headers.get("user-agent"), headers: http.headers };
}
