/** Demo data, printed in the README so a person (or a test) can compute codes. */
export const DEMO_PASSWORD = "demo-password-1";
export const ALICE_TOTP_SECRET = "JBSWY3DPEHPK3PXP";
/**
 * The admins' authenticator secrets: admin changes need high, which a password alone never clears
 * (ADR 011), so each seeded admin has password + authenticator app.
 */
export const ADMIN_TOTP_SECRETS = {
  "admin@example.com": "KRSXG5CTMVRXEZLU",
  "gina@example.com": "GEZDGNBVGY3TQOJQ",
} as const;
export const ALICE_BACKUP_CODES = [
  "7kq2m-x9p4r",
  "h3v8n-c6w1t",
  "p5z7b-k2d9f",
  "r8m4x-q1j6s",
  "t2g9w-n7c3v",
  "y6b1k-m8h5p",
  "d4f7q-z3r2x",
  "j9c5t-w4n8b",
  "s1x6p-g7k3m",
  "v3n2r-b5q9d",
] as const;

export const DEMO_USERS = [
  { email: "alice@example.com", name: "Alice Anders", org: "acme", role: "member", balanceMinor: 5_000_000 },
  { email: "bob@example.com", name: "Bob Brown", org: "acme", role: "member", balanceMinor: 2_500_000 },
  { email: "admin@example.com", name: "Ada Admin", org: "acme", role: "admin", balanceMinor: 100_000 },
  { email: "gina@example.com", name: "Gina Globex", org: "globex", role: "admin", balanceMinor: 100_000 },
] as const;

export const DEMO_ORGS = [
  { slug: "acme", name: "Acme" },
  { slug: "globex", name: "Globex" },
] as const;

const CURRENCIES = ["USD", "EUR", "GBP"] as const;

/** The default global policy set (docs/design.md). Fixed ids keep the seed idempotent. */
export const DEFAULT_POLICIES = [
  {
    id: "policy-payment-amounts",
    name: "Payment amounts",
    description: "Under 1,000 medium; 1,000 to 10,000 high; 10,000 or more critical (per currency, no conversion).",
    priority: 100,
    rules: CURRENCIES.flatMap((currency) => [
      { kind: "amount", currency, max: 1000, level: "medium" },
      { kind: "amount", currency, min: 1000, max: 10_000, level: "high" },
      { kind: "amount", currency, min: 10_000, level: "critical" },
    ]),
  },
  {
    id: "policy-account-changes",
    name: "Account changes",
    description: "Email changes need medium, password changes high.",
    priority: 50,
    rules: [
      { kind: "procedure", pattern: "account.changeEmail", level: "medium" },
      { kind: "procedure", pattern: "account.changePassword", level: "high" },
    ],
  },
  {
    id: "policy-destructive-actions",
    name: "Destructive actions",
    description: "Deleting a user needs high.",
    priority: 50,
    rules: [{ kind: "resource", resource: "user", action: "delete", level: "high" }],
  },
] as const;
