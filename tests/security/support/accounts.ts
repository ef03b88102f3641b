/**
 * Dedicated accounts for the attack catalog, seeded by seed-users.ts after the demo seed, so the
 * catalog never locks, drains or signs out the demo users. Each test uses its own accounts: no test
 * depends on another's leftovers, and they can run in any order.
 */
export const SECURITY_PASSWORD = "demo-password-1";
/** Every "full" account shares this TOTP secret; the server accepts each 30-s step once per user. */
export const SECURITY_TOTP_SECRET = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA";
/** Every "full" account gets these ten backup codes (single-use per user). */
export const SECURITY_BACKUP_CODES = [
  "aaaa1-bbbb1",
  "aaaa2-bbbb2",
  "aaaa3-bbbb3",
  "aaaa4-bbbb4",
  "aaaa5-bbbb5",
  "aaaa6-bbbb6",
  "aaaa7-bbbb7",
  "aaaa8-bbbb8",
  "aaaa9-bbbb9",
  "aaaa0-bbbb0",
] as const;
export const SECURITY_BALANCE_MINOR = 5_000_000;
/** An organization policy seeded for acme: the cross-org policy attacks aim at it. */
export const ACME_POLICY_ID = "sec-acme-policy";

export interface AccountSpec {
  email: string;
  org: "acme" | "globex";
  role: "member" | "admin";
  /** password-only: no second factor (email codes are still offered by the demo's outbox mailer). */
  factors: "full" | "password-only";
}

function member(local: string, factors: AccountSpec["factors"] = "full"): AccountSpec {
  return { email: `sec-${local}@example.test`, org: "acme", role: "member", factors };
}

function globexAdmin(local: string): AccountSpec {
  return { email: `sec-${local}@example.test`, org: "globex", role: "admin", factors: "full" };
}

export const ACCOUNTS = {
  acmeAdmin: { ...member("acme-admin"), role: "admin" },
  globexAdmin: globexAdmin("globex-admin"),
  globexAdminPolicies: globexAdmin("globex-admin-policies"),
  globexAdminDevices: globexAdmin("globex-admin-devices"),
  globexAdminPasskeys: globexAdmin("globex-admin-passkeys"),
  webhookAdmin: globexAdmin("webhook-admin"),
  // The SEC- attacks of docs/security.md's catalog
  subCentCritical: member("subcent-critical"),
  subCentHigh: member("subcent-high"),
  emailOnlyHigh: member("email-only-high", "password-only"),
  emailOnlyCritical: member("email-only-critical", "password-only"),
  passwordOnlyHigh: member("password-only-high", "password-only"),
  passwordOnlyCritical: member("password-only-critical", "password-only"),
  outboxVictim: member("outbox-victim"),
  outboxReader: member("outbox-reader"),
  passwordChange: member("password-change"),
  factorRemoval: member("factor-removal"),
  throttledAccount: member("throttled-account"),
  throttleCompare: member("throttle-compare"),
  batchVictim: member("batch-victim"),
  deviceThief: member("device-thief"),
  deviceCredentialChange: member("device-credential-change"),
  forwardedFor: member("forwarded-for"),
  crossSite: member("cross-site"),
  crossSiteFetch: member("cross-site-fetch"),
  malformedDevice: member("malformed-device"),
  // Refused today, must stay refused
  idorOwner: member("idor-owner"),
  idorAttacker: member("idor-attacker"),
  sessionBound: member("session-bound"),
  deviceOwner: member("device-owner"),
  deviceAttacker: member("device-attacker"),
  passkeyOwner: member("passkey-owner"),
  passkeyAttacker: member("passkey-attacker"),
  policyMember: member("policy-member"),
  totpReplay: member("totp-replay"),
  backupReplay: member("backup-replay"),
  grantReuse: member("grant-reuse"),
  grantBinding: member("grant-binding"),
  webauthnOrigin: member("webauthn-origin"),
  webauthnRpId: member("webauthn-rpid"),
  webauthnUv: member("webauthn-uv"),
  webauthnCounter: member("webauthn-counter"),
  webauthnReplay: member("webauthn-replay"),
  webauthnRegistration: member("webauthn-registration"),
  csvInjection: { email: "-1+1+sec-csv@example.test", org: "acme", role: "member", factors: "full" },
  fixation: member("fixation"),
  headerIdentity: member("header-identity"),
  validation: member("validation"),
  lockout: member("lockout"),
  methodNotAllowed: member("method-not-allowed"),
  expired: member("expired"),
  cancelled: member("cancelled"),
  grantSession: member("grant-session"),
  signedOut: member("signed-out"),
  deviceCritical: member("device-critical"),
  deviceLender: member("device-lender"),
  deviceBorrower: member("device-borrower"),
  deviceSignedOut: member("device-signed-out"),
  getMutation: member("get-mutation"),
  crossOrgTarget: member("cross-org-target"),
  crossOrgDevice: member("cross-org-device"),
  crossOrgPasskey: member("cross-org-passkey"),
  passkeyOwner2: member("passkey-owner-2"),
  passkeyAttacker2: member("passkey-attacker-2"),
  emailBinding: member("email-binding"),
  halfCombination: member("half-combination"),
  // Step-up outside tRPC (RFC 9470), over a socket as curl sends it
  restHigh: member("rest-high"),
  restCritical: member("rest-critical"),
  restCrossSite: member("rest-cross-site"),
  // Concurrency
  parallelGuesses: member("parallel-guesses"),
  parallelGrant: member("parallel-grant"),
  parallelTotp: member("parallel-totp"),
  parallelBackup: member("parallel-backup"),
  parallelEmail: member("parallel-email"),
  // Faults (tests/instances/database-faults.test.ts)
  databaseFaults: member("database-faults"),
} satisfies Record<string, AccountSpec>;

export type AccountKey = keyof typeof ACCOUNTS;
