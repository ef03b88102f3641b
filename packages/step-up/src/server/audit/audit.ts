import "server-only";
import { z } from "zod/v4";
import type { Prisma } from "../../generated/prisma-types/client";
import type { Database, Transaction } from "../db";
import { enqueueSecurityEvent } from "../webhooks/outbox";

export const AUDIT_EVENT_TYPES = [
  "stepup.required",
  "stepup.initiated",
  "stepup.verified",
  "stepup.failed",
  "stepup.bypassed",
  "stepup.locked",
  "stepup.degraded",
  "stepup.cancelled",
  "stepup.would_require",
  "stepup.device_remembered",
  "stepup.device_forgotten",
  "stepup.device_revoked",
  "stepup.device_mismatch",
  "stepup.refused",
  "stepup.email_code_sent",
  "stepup.passkey_counter_regression",
  "stepup.policy_changed",
  "stepup.grants_revoked",
  "stepup.webhook_changed",
  "credential.enrolled",
  "credential.removed",
  "credential.renamed",
  "credential.backup_codes_generated",
  // Written by the host (sign-in) or the module (factor removal), read by the module: the risk score's
  // history and the caep.session-revoked webhook.
  "auth.signed_in",
  "auth.sessions_revoked",
] as const;
/** The module's own event names. */
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
/** An event name of the host's own (`auth.sign_in_failed`), declared in `createStepUp({ auditEvents })`. */
export type HostAuditEventType = `${string}.${string}`;
export type AuditSeverity = "info" | "warning" | "critical";
/** The host's own event names, each with its default severity: `{ "auth.sign_in_failed": "warning" }`. */
export type HostAuditEvents = Readonly<Record<HostAuditEventType, AuditSeverity>>;

/** An event name as the admin filter accepts it: lowercase `area.verb` (the module's or the host's). */
export const auditEventTypeSchema = z
  .string()
  .max(100)
  .regex(/^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/, "An event type looks like area.verb");

export interface AuditEventInput {
  type: AuditEventType | HostAuditEventType;
  severity?: AuditSeverity;
  userId?: string | null;
  organizationId?: string | null;
  actorId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  data?: Prisma.InputJsonValue;
  /** On stepup.verified: seconds since the requirement was created (the metrics' median reads it). */
  secondsToVerify?: number;
  at: Date;
}

const DEFAULT_SEVERITY: Partial<Record<AuditEventType, AuditSeverity>> = {
  "stepup.failed": "warning",
  "stepup.locked": "critical",
  "stepup.degraded": "warning",
  "stepup.bypassed": "info",
  "stepup.policy_changed": "warning",
  "stepup.webhook_changed": "warning",
  "credential.removed": "warning",
  "stepup.refused": "warning",
  "stepup.device_revoked": "warning",
  "stepup.device_mismatch": "warning",
  "stepup.passkey_counter_regression": "critical",
  "auth.sessions_revoked": "warning",
};

/**
 * Who, from where and when, for an audit row about a request: the fields every step-up event shares.
 * `actorId` defaults to the user (an admin acting on someone else's row passes their own id).
 */
export function auditOrigin(origin: {
  userId: string | null;
  organizationId: string | null;
  request: { ip: string | null; userAgent: string | null };
  now: Date;
  actorId?: string;
}): Pick<AuditEventInput, "userId" | "organizationId" | "actorId" | "ip" | "userAgent" | "at"> {
  return {
    userId: origin.userId,
    organizationId: origin.organizationId,
    actorId: origin.actorId,
    ip: origin.request.ip,
    userAgent: origin.request.userAgent,
    at: origin.now,
  };
}

/**
 * Appends one audit row, and the webhook outbox rows of the security event it stands for (ADR 021).
 * Call it with the transaction that performs the state change it describes.
 */
export async function writeAudit(tx: Transaction, event: AuditEventInput): Promise<void> {
  // Given the client itself rather than a transaction: the row and its outbox rows still go together.
  if ("$transaction" in tx && typeof tx.$transaction === "function")
    return (tx as unknown as Database).$transaction((inner) => writeAudit(inner, event));
  await tx.stepUpAuditEvent.create({ data: auditRow(event) });
  await enqueueSecurityEvent(tx, event);
}

/** The row for one event (also for bulk writers: the audit seed, tests). @internal */
export function auditRow(event: AuditEventInput) {
  return {
    type: event.type,
    severity: event.severity ?? DEFAULT_SEVERITY[event.type as AuditEventType] ?? "info",
    userId: event.userId ?? null,
    organizationId: event.organizationId ?? null,
    actorId: event.actorId ?? event.userId ?? null,
    ip: event.ip ?? null,
    userAgent: event.userAgent ?? null,
    data: event.data ?? {},
    createdAt: event.at,
    // Figures the admin metrics group, count and rank by, as columns: no JSON or date functions in SQL.
    day: event.at.toISOString().slice(0, 10),
    requirementId: requirementIdOf(event.data),
    secondsToVerify: event.secondsToVerify ?? null,
    // Only the required row needs it: the funnel starts there and follows the requirement id.
    procedure: event.type === "stepup.required" ? stringField(event.data, "procedure") : null,
  } satisfies Prisma.StepUpAuditEventCreateManyInput;
}

function requirementIdOf(data: Prisma.InputJsonValue | undefined): string | null {
  return stringField(data, "requirementId");
}

function stringField(data: Prisma.InputJsonValue | undefined, key: string): string | null {
  const value =
    data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>)[key] : null;
  return typeof value === "string" ? value : null;
}
