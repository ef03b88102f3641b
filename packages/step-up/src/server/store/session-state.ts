import "server-only";
import type { GrantSnapshot } from "../../engine";
import type { Database } from "../db";
import { parseGrantSummary } from "./grants";
import { POLICY_REVISION } from "./policies";

export interface SessionState {
  /** Live non-critical grants of the session (ADR 006). */
  grants: GrantSnapshot[];
  /** The policy revision now: the policy cache is used only while it matches (store/policies.ts). */
  policyRevision: number;
}

/**
 * Everything a protected call reads from the database, in one round trip: the session's grant summary
 * and the policy revision. Portable SQL (quoted identifiers, a one-row derived table, LEFT JOINs): the
 * same text runs on SQLite and PostgreSQL, and it answers one row even when neither row exists yet.
 */
export async function loadSessionState(db: Database, sessionId: string): Promise<SessionState> {
  const rows = await db.$queryRaw<Array<{ revision: number | bigint | null; grants: unknown }>>`
    SELECT r."value" AS "revision", s."grants" AS "grants"
    FROM (SELECT 1 AS "one") AS o
    LEFT JOIN "StepUpRevision" AS r ON r."name" = ${POLICY_REVISION}
    LEFT JOIN "StepUpSession" AS s ON s."sessionId" = ${sessionId}`;
  const row = rows[0];
  return {
    grants: row?.grants == null ? [] : parseGrantSummary(decodeJson(row.grants), sessionId),
    policyRevision: row?.revision == null ? 0 : Number(row.revision),
  };
}

// SQLite hands a Json column back from a raw query as its text; PostgreSQL's jsonb as a value.
function decodeJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}
