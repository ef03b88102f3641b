import "server-only";
import { parseConfig, scoreRisk as defaultScoreRisk, type RiskScorer, type StepUpConfig } from "../engine";
import { createProcedureCatalog, type ProcedureCatalog, type RouterLike } from "./catalog";
import { createCrypto, type StepUpCrypto } from "./crypto";
import { checkDatabase, type Database, type StepUpPrismaClient } from "./db";
import type { StepUpErrorReporter, StepUpMailer, StepUpSessions, StepUpUsers } from "./ports";
import { resolveRelyingParty, type RelyingParty, type RelyingPartyOption } from "./relying-party";
import { AUDIT_EVENT_TYPES, auditEventTypeSchema, type HostAuditEvents } from "./audit/audit";
import { createCallStats, type CallStats } from "./call-stats/call-stats";
import { createPolicyCache, type PolicyCache } from "./policies/policy-cache";
import type { WebhookOptions } from "./webhooks/delivery";

/** Everything an instance owns besides the tRPC glue; built once by `createStepUp`. */
export interface StepUpServices {
  db: Database;
  config: StepUpConfig;
  now: () => Date;
  scoreRisk: RiskScorer;
  relyingParty: RelyingParty;
  /** Sends email codes; null when none is configured (email codes are then not offered). */
  mailer: StepUpMailer | null;
  crypto: StepUpCrypto;
  users: StepUpUsers;
  sessions: StepUpSessions | null;
  onError: StepUpErrorReporter;
  policies: PolicyCache;
  callStats: CallStats;
  catalog: ProcedureCatalog;
  /** Security-event webhooks: delivery settings and whether production rules (https only) apply. */
  webhooks: { options: WebhookOptions; production: boolean };
  /** The audit log's event names: the module's, then the host's (`auditEvents`), with their severities. */
  auditEvents: { types: readonly string[]; host: HostAuditEvents };
}

export interface StepUpServiceOptions {
  db: StepUpPrismaClient;
  users: StepUpUsers;
  /**
   * 32 bytes as 64 hex characters; encrypts TOTP secrets and keys the code hashes. Default:
   * `process.env.STEP_UP_SECRET`. Missing or malformed, the first call fails naming it (not at import: `next build`).
   */
  secret?: string;
  /**
   * Who passkeys are bound to. Default: STEP_UP_ORIGIN (comma-separated origins), STEP_UP_RP_ID (default:
   * its host name) and STEP_UP_RP_NAME. Required in production, where the first call fails without it.
   */
  relyingParty?: RelyingPartyOption;
  mailer?: StepUpMailer | null;
  sessions?: StepUpSessions;
  /** Overrides of the engine defaults (levels, windows, limits); `onUnavailable` defaults to "refuse". */
  config?: Partial<StepUpConfig>;
  now?: () => Date;
  scoreRisk?: RiskScorer;
  onError?: StepUpErrorReporter;
  /** Defaults to NODE_ENV === "production": then a relying party is required. */
  production?: boolean;
  /** Security-event webhook delivery (ADR 021); start it with `stepUp.webhooks.start()`. */
  webhooks?: WebhookOptions;
  /**
   * Your own audit event names (`area.verb`) and each one's default severity, for `stepUp.recordEvent`
   * and the admin audit filter: `{ "auth.sign_in_failed": "warning", "auth.signed_out": "info" }`.
   */
  auditEvents?: HostAuditEvents;
}

/** `appRouter`: the host's root router once `stepUp.attach` has been given it (its procedures are the catalog). */
export function createStepUpServices(options: StepUpServiceOptions, appRouter: () => RouterLike): StepUpServices {
  requireOption(options.users?.verifyPassword, "users.verifyPassword (checks a password with your own hashing)");
  requireOption(options.users?.find, "users.find (a user's email and name)");
  const db = checkDatabase(options.db);
  const onError = options.onError ?? logError;
  const production = options.production ?? process.env.NODE_ENV === "production";
  let relyingParty: RelyingParty | undefined;
  return {
    db,
    config: parseConfig(options.config ?? {}),
    now: options.now ?? (() => new Date()),
    scoreRisk: options.scoreRisk ?? defaultScoreRisk,
    // Resolved on first use (createStepUp's first call checks it), so `next build` needs no STEP_UP_ORIGIN.
    get relyingParty() {
      return (relyingParty ??= resolveRelyingParty(options.relyingParty, production));
    },
    mailer: options.mailer ?? null,
    crypto: createCrypto(options.secret ?? process.env.STEP_UP_SECRET),
    users: options.users,
    sessions: options.sessions ?? null,
    onError,
    policies: createPolicyCache(db),
    callStats: createCallStats(db, (error) => onError(error, { event: "call_stats.flush_failed" })),
    catalog: createProcedureCatalog(appRouter),
    webhooks: { options: options.webhooks ?? {}, production },
    auditEvents: hostAuditEvents(options.auditEvents ?? {}),
  };
}

/** The host's event names, checked once: `area.verb`, and none of the module's own. */
function hostAuditEvents(host: HostAuditEvents): StepUpServices["auditEvents"] {
  for (const type of Object.keys(host)) {
    if (!auditEventTypeSchema.safeParse(type).success)
      throw new Error(`createStepUp: auditEvents: "${type}" is not an event name such as "auth.sign_in_failed"`);
    if ((AUDIT_EVENT_TYPES as readonly string[]).includes(type))
      throw new Error(`createStepUp: auditEvents: "${type}" is one of the module's own events`);
  }
  return { types: [...AUDIT_EVENT_TYPES, ...Object.keys(host)], host };
}

function requireOption(value: unknown, what: string): void {
  if (typeof value !== "function") throw new Error(`createStepUp: missing ${what}`);
}

/** One JSON line on stderr: the default reporter, so nothing is swallowed silently. */
function logError(error: unknown, event: { event: string; path?: string }): void {
  const message = error instanceof Error ? error.message : String(error);
  const causes = causeChain(error);
  const line = { level: "error", source: "step-up", ...event, message, ...(causes.length ? { causes } : {}) };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

/** The messages of `error.cause`, `error.cause.cause`, …: a wrapped error keeps its reason in the log. */
function causeChain(error: unknown): string[] {
  const causes: string[] = [];
  let cause = error instanceof Error ? error.cause : undefined;
  while (cause !== undefined && causes.length < 5) {
    causes.push(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause));
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return causes;
}
