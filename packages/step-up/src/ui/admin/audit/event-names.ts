/** Each audit event type in an admin's words; the raw code stays beside it (the CSV and webhooks carry it). */
const EVENT_NAMES: Record<string, string> = {
  "stepup.required": "Step-up asked",
  "stepup.initiated": "First factor passed",
  "stepup.verified": "Step-up verified",
  "stepup.failed": "Verification failed",
  "stepup.bypassed": "Remembered device let through",
  "stepup.locked": "Locked after failures",
  "stepup.degraded": "Weaker methods offered",
  "stepup.cancelled": "Step-up cancelled",
  "stepup.would_require": "Would ask (report-only policy)",
  "stepup.device_remembered": "Device remembered",
  "stepup.device_forgotten": "Device forgotten",
  "stepup.device_revoked": "Device revoked by an admin",
  "stepup.device_mismatch": "Device cookie ignored",
  "stepup.refused": "Refused: no strong enough method",
  "stepup.email_code_sent": "Email code sent",
  "stepup.passkey_counter_regression": "Passkey counter went back",
  "stepup.policy_changed": "Policy changed",
  "stepup.grants_revoked": "Verifications revoked",
  "stepup.webhook_changed": "Webhook changed",
  "credential.enrolled": "Factor added",
  "credential.removed": "Factor removed",
  "credential.renamed": "Factor renamed",
  "credential.backup_codes_generated": "Backup codes generated",
  "auth.signed_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.signed_out": "Signed out",
  "auth.sign_in_throttled": "Sign-in throttled",
  "auth.sessions_revoked": "Sessions revoked",
  "account.email_change_requested": "Email change requested",
  "account.email_changed": "Email changed",
  "account.email_notice_failed": "Email notice not delivered",
};

/** The human name of an event type, or null for a type this version does not know (the code is shown alone). */
export function eventName(type: string): string | null {
  return EVENT_NAMES[type] ?? null;
}
