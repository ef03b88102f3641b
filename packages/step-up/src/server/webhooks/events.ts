import "server-only";
import { levelUri } from "../http/www-authenticate";
import type { AuditEventInput } from "../audit/audit";

/**
 * The security events a webhook endpoint can receive. CAEP names where OpenID's Continuous Access
 * Evaluation Profile has one (credential-change, session-revoked), `step_up.*` for step-up outcomes.
 */
export const WEBHOOK_EVENT_TYPES = [
  "step_up.verified",
  "step_up.failed",
  "step_up.cancelled",
  "step_up.locked",
  "step_up.degraded",
  "step_up.bypassed",
  "caep.credential-change",
  "caep.session-revoked",
  "caep.assurance-level-change",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What an endpoint receives: the Standard Webhooks envelope `{ type, timestamp, data }`. */
export interface SecurityEvent {
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}

const STEP_UP_OUTCOMES: Partial<Record<AuditEventInput["type"], WebhookEventType>> = {
  "stepup.verified": "step_up.verified",
  "stepup.failed": "step_up.failed",
  "stepup.cancelled": "step_up.cancelled",
  "stepup.locked": "step_up.locked",
  "stepup.degraded": "step_up.degraded",
  "stepup.bypassed": "step_up.bypassed",
};

const CHANGE_TYPES = {
  "credential.enrolled": "create",
  "credential.removed": "delete",
  "credential.backup_codes_generated": "update",
} as const;

/** CAEP `credential_type` for the module's factor kinds. */
const CREDENTIAL_TYPES: Record<string, string> = {
  totp: "app",
  passkey: "fido2-platform",
  backup_code: "backup-code",
  password: "password",
};

/** The session's lasting levels: a critical grant covers one call, so it changes no session's level. */
const SESSION_LEVELS = new Set(["medium", "high"]);

/**
 * The webhook events an audit row stands for: none for most rows (requirements, device bookkeeping,
 * sign-ins) and for rows of no organization (endpoints are per organization); two when a verification
 * also raises the session's assurance level.
 */
export function securityEventsOf(event: AuditEventInput): SecurityEvent[] {
  const primary = securityEventOf(event);
  const change = assuranceLevelChangeOf(event);
  return [primary, change].filter((item): item is SecurityEvent => item !== null);
}

/**
 * CAEP assurance-level-change, namespace "Custom", levels as the URIs RFC 9470 challenges name
 * (`urn:step-up:level:high`): up when a verification grants a session level, down to "none" when the
 * session's grants are revoked (a credential change, an admin, sign-out everywhere).
 */
function assuranceLevelChangeOf(event: AuditEventInput): SecurityEvent | null {
  if (!event.organizationId) return null;
  const data = recordOf(event.data);
  const level = String(data.level ?? "");
  const fields =
    event.type === "stepup.verified" && SESSION_LEVELS.has(level)
      ? { current_level: levelUri(level as "medium" | "high"), change_direction: "increase", initiating_entity: "user" }
      : event.type === "stepup.grants_revoked" && Number(data.grants ?? 0) > 0
        ? {
            current_level: levelUri("none"),
            change_direction: "decrease",
            initiating_entity: event.actorId && event.actorId !== event.userId ? "admin" : "user",
          }
        : null;
  if (!fields) return null;
  return {
    type: "caep.assurance-level-change",
    timestamp: event.at.toISOString(),
    data: {
      organization_id: event.organizationId,
      user_id: event.userId ?? null,
      event_timestamp: Math.floor(event.at.getTime() / 1000),
      namespace: "Custom",
      ...fields,
      ...pick(data, ["reason", "requirementId"]),
    },
  };
}

/** The step-up outcome or credential/session event an audit row stands for, or null. */
export function securityEventOf(event: AuditEventInput): SecurityEvent | null {
  if (!event.organizationId) return null;
  const data = recordOf(event.data);
  const subject = { organization_id: event.organizationId, user_id: event.userId ?? null };
  const envelope = (type: WebhookEventType, fields: Record<string, unknown>): SecurityEvent => ({
    type,
    timestamp: event.at.toISOString(),
    data: { ...subject, event_timestamp: Math.floor(event.at.getTime() / 1000), ...fields },
  });
  const outcome = STEP_UP_OUTCOMES[event.type];
  if (outcome) return envelope(outcome, pick(data, ["requirementId", "level", "methods", "method", "procedure"]));
  switch (event.type) {
    case "credential.enrolled":
    case "credential.removed":
    case "credential.backup_codes_generated":
      return envelope("caep.credential-change", {
        credential_type: CREDENTIAL_TYPES[String(data.kind ?? data.method)] ?? "unknown",
        change_type: CHANGE_TYPES[event.type],
        initiating_entity: data.by === "admin" ? "admin" : "user",
      });
    case "stepup.grants_revoked":
      // Factor changes already sent their own credential-change; a password change only reaches the
      // module through `credentialChanged`, whose row is this one.
      if (data.reason !== "password_changed") return null;
      return envelope("caep.credential-change", {
        credential_type: "password",
        change_type: "update",
        initiating_entity: "user",
      });
    case "auth.sessions_revoked":
      return envelope("caep.session-revoked", pick(data, ["reason", "count"]));
    default:
      return null;
  }
}

/** What every `step_up.*` event names besides its subject (README "Security events (webhooks)"). */
const STEP_UP_FIELDS = ["level", "procedure"] as const;

/**
 * Fills a `step_up.*` event's `level` and `procedure` from its requirement when the audit row did not carry
 * them (a failure, lock or cancel row names only the requirement). Read in the event's transaction, only
 * for an organization with an endpoint; the webhook-event-data integration test holds every type to it.
 */
export async function completeStepUpEvent(
  event: SecurityEvent,
  findRequirement: (id: string) => Promise<{ level: string; procedure: string } | null>,
): Promise<SecurityEvent> {
  const { data } = event;
  if (!event.type.startsWith("step_up.") || STEP_UP_FIELDS.every((key) => data[key] !== undefined)) return event;
  if (typeof data.requirementId !== "string") return event;
  const requirement = await findRequirement(data.requirementId);
  if (!requirement) return event;
  return {
    ...event,
    data: { ...data, level: data.level ?? requirement.level, procedure: data.procedure ?? requirement.procedure },
  };
}

function recordOf(data: unknown): Record<string, unknown> {
  return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

function pick(data: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => data[key] !== undefined).map((key) => [key, data[key]]));
}
