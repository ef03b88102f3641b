/**
 * Read-only looks into the catalog's database: what the server actually did (attempts recorded,
 * audit rows, transfers, emails sent), counted after an attack. Never used to set an attack up,
 * except expireRequirement, which stands in for ten minutes passing.
 */
import Database from "better-sqlite3";
import { databaseFile } from "../../support/playwright-shared";

export const SECURITY_DATABASE_FILE = databaseFile("test-results/security-db");

function withDb<T>(readonly: boolean, run: (db: Database.Database) => T): T {
  const db = new Database(SECURITY_DATABASE_FILE, { readonly, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    return run(db);
  } finally {
    db.close();
  }
}

export function userIdOf(email: string): string {
  const row = withDb(true, (db) => db.prepare(`SELECT id FROM "User" WHERE email = ?`).get(email)) as
    { id: string } | undefined;
  if (!row) throw new Error(`No user ${email}: is the security seed loaded?`);
  return row.id;
}

export function balanceMinorOf(email: string): number {
  return (
    withDb(true, (db) => db.prepare(`SELECT balanceMinor FROM "User" WHERE email = ?`).get(email)) as {
      balanceMinor: number;
    }
  ).balanceMinor;
}

export function countTransfers(email: string): number {
  return countWhere(`SELECT count(*) AS n FROM "Transfer" t JOIN "User" u ON u.id = t.userId WHERE u.email = ?`, email);
}

export function countAttempts(requirementId: string, success?: boolean): number {
  if (success === undefined)
    return countWhere(`SELECT count(*) AS n FROM "StepUpAttempt" WHERE requirementId = ?`, requirementId);
  return countWhere(
    `SELECT count(*) AS n FROM "StepUpAttempt" WHERE requirementId = ? AND success = ?`,
    requirementId,
    success ? 1 : 0,
  );
}

export function countAudit(type: string, userId: string): number {
  return countWhere(`SELECT count(*) AS n FROM "StepUpAuditEvent" WHERE type = ? AND userId = ?`, type, userId);
}

/** Failed sign-ins recorded for an email (known or not): the audit row carries the email typed. */
export function countSignInFailures(email: string): number {
  return countWhere(
    `SELECT count(*) AS n FROM "StepUpAuditEvent" WHERE type = 'auth.sign_in_failed' AND json_extract(data, '$.email') = ?`,
    email,
  );
}

export function requirementRow(id: string): { status: string; failedAttempts: number } | undefined {
  return withDb(true, (db) =>
    db.prepare(`SELECT status, failedAttempts FROM "StepUpRequirement" WHERE id = ?`).get(id),
  ) as { status: string; failedAttempts: number } | undefined;
}

export function countOutbox(to: string): number {
  return countWhere(`SELECT count(*) AS n FROM "OutboxEmail" WHERE "to" = ?`, to);
}

/** The six-digit code in the newest dev-outbox email to `to` (the demo's mailer writes rows, sends nothing). */
export function latestEmailCode(to: string): string {
  const row = withDb(true, (db) =>
    db
      .prepare(`SELECT subject, text FROM "OutboxEmail" WHERE "to" = ? ORDER BY createdAt DESC, rowid DESC LIMIT 1`)
      .get(to),
  ) as { subject: string; text: string } | undefined;
  const code = row && /\b(\d{6})\b/.exec(`${row.subject} ${row.text}`)?.[1];
  if (!code) throw new Error(`No emailed code for ${to}`);
  return code;
}

export function passkeyCount(email: string): number {
  return countWhere(
    `SELECT count(*) AS n FROM "StepUpPasskey" p JOIN "User" u ON u.id = p.userId WHERE u.email = ?`,
    email,
  );
}

export function policyExists(id: string): boolean {
  return countWhere(`SELECT count(*) AS n FROM "StepUpPolicy" WHERE id = ?`, id) === 1;
}

/** Ends a pending requirement now, as if its ten minutes had passed (the server's clock cannot be moved). */
export function expireRequirement(id: string): void {
  withDb(false, (db) => db.prepare(`UPDATE "StepUpRequirement" SET expiresAt = createdAt WHERE id = ?`).run(id));
}

function countWhere(sql: string, ...params: unknown[]): number {
  return (withDb(true, (db) => db.prepare(sql).get(...params)) as { n: number }).n;
}
