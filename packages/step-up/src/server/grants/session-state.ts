import "server-only";
import type { GrantSnapshot } from "../../engine";
import type { Database } from "../db";
import { parseGrantSummary } from "./grants";
import { POLICY_REVISION } from "../policies/policy-cache";

export interface SessionState {
  /** Live non-critical grants of the session (ADR 006). */
  grants: GrantSnapshot[];
  /** The policy revision now: the policy cache is used only while it matches (server/policies/policy-cache.ts). */
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

/** The two columns a host's own session query adds (see `sessionStateSql`), as its driver returns them. */
export interface SessionStateColumns {
  stepUpGrants: unknown;
  stepUpRevision: unknown;
}

const COLUMN =
  /^(?:"[A-Za-z_][A-Za-z0-9_]*"|[A-Za-z_][A-Za-z0-9_]*)(?:\.(?:"[A-Za-z_][A-Za-z0-9_]*"|[A-Za-z_][A-Za-z0-9_]*))?$/;

/**
 * SQL text for a host that reads its session in one query: add `columns` to its SELECT and `joins`
 * after its FROM, and the module reads nothing more on a protected call (ADR 020). `sessionIdColumn`
 * is the host's session id column in that query, e.g. `s."id"`; it must be a plain column reference.
 */
export function sessionStateSql(sessionIdColumn: string): { columns: string; joins: string } {
  if (!COLUMN.test(sessionIdColumn))
    throw new Error(`sessionStateSql: "${sessionIdColumn}" is not a column reference such as s."id"`);
  return {
    columns: `step_up_session."grants" AS "stepUpGrants", step_up_revision."value" AS "stepUpRevision"`,
    joins:
      `LEFT JOIN "StepUpSession" AS step_up_session ON step_up_session."sessionId" = ${sessionIdColumn} ` +
      `LEFT JOIN "StepUpRevision" AS step_up_revision ON step_up_revision."name" = '${POLICY_REVISION}'`,
  };
}

/** The state from a host's session row (same values `loadSessionState` would read, one query earlier). */
export function parseSessionState(row: SessionStateColumns, sessionId: string): SessionState {
  const revision = row.stepUpRevision;
  if (revision != null && typeof revision !== "number" && typeof revision !== "bigint")
    throw new Error("createStepUp: identity.sessionState.stepUpRevision must be the number read by sessionStateSql");
  return {
    grants: row.stepUpGrants == null ? [] : parseGrantSummary(decodeJson(row.stepUpGrants), sessionId),
    policyRevision: revision == null ? 0 : Number(revision),
  };
}

// SQLite hands a Json column back from a raw query as its text; PostgreSQL's jsonb as a value.
function decodeJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}
