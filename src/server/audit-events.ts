import type { AuditEventType, HostAuditEvents } from "@step-up/next/server";

/**
 * The demo's own audit events and their default severities, declared to its step-up instance
 * (`auditEvents`): `stepUp.recordEvent` writes them, the admin audit page filters by them.
 */
export const DEMO_AUDIT_EVENTS = {
  "auth.sign_in_failed": "warning",
  "auth.sign_in_throttled": "warning",
  "auth.signed_out": "info",
  "account.email_change_requested": "info",
  "account.email_changed": "warning",
  "account.email_notice_failed": "critical",
} as const satisfies HostAuditEvents;

/** Every event the demo writes: its own, and the module's `auth.signed_in` and `auth.sessions_revoked`. */
export type DemoAuditEventType = keyof typeof DEMO_AUDIT_EVENTS | AuditEventType;
