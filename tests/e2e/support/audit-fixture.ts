import Database from "better-sqlite3";

/**
 * A fixed week of audit rows in the past (no other test writes there), so the audit page's figures,
 * chart and funnel are known and the same on every run: 13 event types, a long unbroken procedure
 * name, a full IPv6 address and a report-only match. Open it with `AUDIT_FIXTURE_QUERY`.
 */
export const AUDIT_FIXTURE_WEEK = { from: "2026-01-05", to: "2026-01-11" } as const;
export const AUDIT_FIXTURE_QUERY = `from=${AUDIT_FIXTURE_WEEK.from}&to=${AUDIT_FIXTURE_WEEK.to}`;
export const LONG_PROCEDURE = "reports.exportEveryTransactionOfTheWholeOrganizationAsOneSpreadsheet";

const IPV6 = "2001:0db8:85a3:0000:0000:8a2e:0370:7334";

interface Row {
  type: string;
  user: "alice" | "bob";
  day: number;
  minute: number;
  severity?: string;
  requirementId?: string;
  procedure?: string;
  secondsToVerify?: number;
  data?: Record<string, unknown>;
}

function rows(): Row[] {
  const out: Row[] = [];
  const requirement = (id: string, user: Row["user"], day: number, procedure: string, end: string | null) => {
    out.push({ type: "stepup.required", user, day, minute: 0, requirementId: id, procedure, data: { level: "high" } });
    if (end === null) return;
    out.push({ type: "stepup.initiated", user, day, minute: 1, requirementId: id });
    if (end === "verified")
      out.push({ type: "stepup.verified", user, day, minute: 2, requirementId: id, secondsToVerify: 42 });
    else out.push({ type: "stepup.failed", user, day, minute: 2, requirementId: id, severity: "warning" });
  };
  // Alice: three transfers verified, one long-named export verified. Bob: a password change failed and locked.
  for (let d = 0; d < 3; d++) requirement(`fx-a${d}`, "alice", d, "transfers.create", "verified");
  requirement("fx-a9", "alice", 4, LONG_PROCEDURE, "verified");
  requirement("fx-a8", "alice", 5, "passkeys.beginRegistration", null);
  requirement("fx-b1", "bob", 1, "account.changePassword", "failed");
  out.push({ type: "stepup.locked", user: "bob", day: 1, minute: 3, requirementId: "fx-b1", severity: "warning" });
  for (let d = 0; d < 7; d++) {
    out.push({ type: "auth.signed_in", user: "alice", day: d, minute: 5 });
    if (d % 2 === 0) out.push({ type: "auth.signed_in", user: "bob", day: d, minute: 6 });
  }
  out.push({ type: "auth.sign_in_failed", user: "bob", day: 2, minute: 7, severity: "warning" });
  out.push({ type: "stepup.bypassed", user: "alice", day: 3, minute: 8, procedure: "transfers.create" });
  out.push({ type: "stepup.cancelled", user: "bob", day: 3, minute: 9 });
  out.push({ type: "credential.enrolled", user: "alice", day: 4, minute: 10, data: { method: "passkey" } });
  out.push({ type: "stepup.device_remembered", user: "alice", day: 4, minute: 11 });
  out.push({ type: "auth.signed_out", user: "bob", day: 5, minute: 12 });
  out.push({ type: "stepup.email_code_sent", user: "bob", day: 6, minute: 13 });
  out.push({
    type: "stepup.would_require",
    user: "alice",
    day: 6,
    minute: 14,
    procedure: "profile.update",
    data: { enforcedLevel: "low", rules: [{ policyId: "fx-policy", kind: "procedure", level: "high" }] },
  });
  return out;
}

/** Writes the week into the database a suite's server uses; idempotent (fixed ids). */
export function seedAuditWeek(databaseFile: string): void {
  const db = new Database(databaseFile);
  try {
    const id = (sql: string, key: string) => (db.prepare(sql).get(key) as { id: string }).id;
    const org = id(`SELECT id FROM "Organization" WHERE slug = ?`, "acme");
    const users = {
      alice: id(`SELECT id FROM "user" WHERE email = ?`, "alice@example.com"),
      bob: id(`SELECT id FROM "user" WHERE email = ?`, "bob@example.com"),
    };
    const insert = db.prepare(
      `INSERT OR IGNORE INTO "StepUpAuditEvent" (id, type, severity, userId, organizationId, ip, data, createdAt, day,
        requirementId, secondsToVerify, procedure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const start = Date.parse(`${AUDIT_FIXTURE_WEEK.from}T09:00:00Z`);
    db.transaction(() => {
      rows().forEach((row, i) => {
        const at = new Date(start + row.day * 86_400_000 + row.minute * 60_000);
        const data = {
          ...(row.requirementId ? { requirementId: row.requirementId } : {}),
          ...(row.procedure ? { procedure: row.procedure } : {}),
          ...row.data,
        };
        insert.run(
          `fixture-audit-${i}`,
          row.type,
          row.severity ?? "info",
          users[row.user],
          org,
          row.user === "alice" ? IPV6 : "203.0.113.7",
          JSON.stringify(data),
          at.toISOString().replace("Z", "+00:00"),
          at.toISOString().slice(0, 10),
          row.requirementId ?? null,
          row.secondsToVerify ?? null,
          row.type === "stepup.required" ? (row.procedure ?? null) : null,
        );
      });
      const stat = db.prepare(
        `INSERT OR IGNORE INTO "StepUpCallStat" (day, organizationId, outcome, count) VALUES (?, ?, ?, ?)`,
      );
      for (let d = 0; d < 7; d++) {
        const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
        stat.run(day, org, "allowed", 12);
      }
    })();
  } finally {
    db.close();
  }
}
