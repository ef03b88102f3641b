/**
 * `@step-up/next/server`: step-up authentication for a Next.js + tRPC app. Start with `createStepUp`.
 */
import "server-only";

export { createStepUp, formatStepUpError, type StepUp, type StepUpOptions, type StepUpRouter } from "./create-step-up";
export type { Declared as StepUpProcedureDeclaration } from "./trpc";
export type { RouterLike, StepUpMeta, StepUpProcedureInfo } from "./catalog";
export type { StepUpConfig, Level, StepUpLevel } from "../engine";
export { parseConfig } from "../engine";
export type {
  SessionRevocationReason,
  StepUpErrorReporter,
  StepUpHttp,
  StepUpIdentity,
  StepUpMailer,
  StepUpMailMessage,
  StepUpMember,
  StepUpSessions,
  StepUpUser,
  StepUpUsers,
} from "./ports";
export type { StepUpDeclaration } from "./call-context";
export type { RelyingPartyOption } from "./relying-party";
export type { StepUpPrismaClient, StepUpTransaction } from "./db";
export type {
  AuditEventInput,
  AuditEventType,
  AuditSeverity,
  HostAuditEvents,
  HostAuditEventType,
} from "./audit/audit";
export { CLEANUP_INTERVAL_MS, type CleanupResult } from "./cleanup";
/** The security events a webhook endpoint may receive, and the `webhooks` option of createStepUp. */
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./webhooks/events";
export type { WebhookOptions } from "./webhooks/delivery";
/** The append-only triggers of the audit table (ADR 032), for a host that writes its own migrations. */
export { AUDIT_TRIGGERS, auditTriggersSql, type SupportedProvider } from "../shared/audit-triggers";
export { StepUpError, findStepUpPayload } from "./errors";
/** Database failures → 503 UNAVAILABLE + Retry-After (ADR 026); `stepUp.trpcHandler` wires it into tRPC's handler. */
export { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from "./unavailable";
export { DEVICE_COOKIE, readCookie, serializeCookie } from "./cookies";
/** For scripts that write StepUpPolicy rows directly: every instance reloads its policies on the next call. */
export { bumpPolicyRevision } from "./policies/policy-cache";
/** For a host that reads its session in one SQL query: the module's per-call state joins onto it. */
export { sessionStateSql } from "./grants/session-state";
export { isSameSiteRequest } from "./http/same-site";
export {
  DEFAULT_ROUTE_BODY_BYTES,
  DEFAULT_TRPC_BODY_BYTES,
  limitRequestBody,
  readBodyWithLimit,
  type BodyRead,
} from "./http/body-limit";
export {
  LEVEL_URIS,
  acrValuesFor,
  formatStepUpChallenge,
  levelOfUri,
  levelUri,
  parseBearerChallenge,
} from "./http/www-authenticate";
export type { RouteCall, RouteDeclaration, HttpMethod } from "./http/with-step-up";
export type { ActionDeclaration, ActionOptions, StepUpActionResult } from "./http/action";
export type { StepUpErrorBody } from "./http/responses";
