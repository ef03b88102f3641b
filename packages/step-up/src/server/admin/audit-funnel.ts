import "server-only";
import type { Database } from "../db";
import { userParam, type Period } from "./audit-metrics";

/** Upper bounds (seconds, inclusive) of the time-to-verify buckets; the last bucket is open. */
export const TIME_TO_VERIFY_BUCKETS_S = [10, 30, 60, 300] as const;

export interface FunnelRow {
  procedure: string;
  required: number;
  /** A factor was tried (a first success or a failure). */
  initiated: number;
  verified: number;
  /** Tried, not verified, not cancelled (includes locked requirements). */
  failed: number;
  /** Cancelled before being verified. */
  cancelled: number;
  /** Expired without a single attempt. */
  abandoned: number;
  /** Neither verified, failed, cancelled nor expired yet. */
  pending: number;
  /** Verified requirements per bucket of TIME_TO_VERIFY_BUCKETS_S, plus one for longer. */
  timeToVerify: number[];
  maxSecondsToVerify: number | null;
}

type RawRow = Record<string, string | number | bigint | null>;

/**
 * Per procedure: the requirements required in the period and how each one ended (ADR 023). The cohort
 * is read from the required rows' (organizationId, type, createdAt, procedure, requirementId) index, the
 * outcome of each from the (organizationId, requirementId, type, secondsToVerify) index: no JSON read.
 * `expiredBefore`: requirements created before it have expired (now − requirement TTL). Of the filter,
 * only the user applies: the funnel is made of `stepup.required` rows and their outcomes.
 */
export async function auditFunnel(db: Database, period: Period & { expiredBefore: Date }): Promise<FunnelRow[]> {
  const [b10, b30, b60, b300] = TIME_TO_VERIFY_BUCKETS_S;
  // The user filter picks the cohort (whose requirements); later rows follow their requirement.
  const user = userParam(period);
  // Portable SQL: quoted identifiers and bound parameters only (Date binds on both databases).
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT f."procedure" AS "procedure", COUNT(*) AS "required", SUM(f."attempted") AS "initiated",
      SUM(f."verified") AS "verified",
      SUM(CASE WHEN f."verified" = 0 AND f."cancelled" = 0 AND f."attempted" = 1 THEN 1 ELSE 0 END) AS "failed",
      SUM(CASE WHEN f."verified" = 0 AND f."cancelled" = 1 THEN 1 ELSE 0 END) AS "cancelled",
      SUM(CASE WHEN f."verified" = 0 AND f."cancelled" = 0 AND f."attempted" = 0
        AND f."requiredAt" < ${period.expiredBefore} THEN 1 ELSE 0 END) AS "abandoned",
      SUM(CASE WHEN f."seconds" <= ${b10} THEN 1 ELSE 0 END) AS "t0",
      SUM(CASE WHEN f."seconds" > ${b10} AND f."seconds" <= ${b30} THEN 1 ELSE 0 END) AS "t1",
      SUM(CASE WHEN f."seconds" > ${b30} AND f."seconds" <= ${b60} THEN 1 ELSE 0 END) AS "t2",
      SUM(CASE WHEN f."seconds" > ${b60} AND f."seconds" <= ${b300} THEN 1 ELSE 0 END) AS "t3",
      SUM(CASE WHEN f."seconds" > ${b300} THEN 1 ELSE 0 END) AS "t4",
      MAX(f."seconds") AS "maxSeconds"
    FROM (
      SELECT r."requirementId", r."procedure", r."createdAt" AS "requiredAt",
        MAX(CASE WHEN e."type" IN ('stepup.initiated', 'stepup.failed') THEN 1 ELSE 0 END) AS "attempted",
        MAX(CASE WHEN e."type" = 'stepup.verified' THEN 1 ELSE 0 END) AS "verified",
        MAX(CASE WHEN e."type" = 'stepup.cancelled' THEN 1 ELSE 0 END) AS "cancelled",
        MIN(CASE WHEN e."type" = 'stepup.verified' THEN e."secondsToVerify" END) AS "seconds"
      FROM "StepUpAuditEvent" r
      LEFT JOIN "StepUpAuditEvent" e ON e."organizationId" = r."organizationId"
        AND e."requirementId" = r."requirementId"
        AND e."type" IN ('stepup.initiated', 'stepup.failed', 'stepup.verified', 'stepup.cancelled')
      WHERE r."organizationId" = ${period.organizationId} AND r."type" = 'stepup.required'
        AND r."createdAt" >= ${period.from} AND r."createdAt" <= ${period.to}
        AND (${user} = '' OR r."userId" = ${user})
      GROUP BY r."requirementId", r."procedure", r."createdAt"
    ) f
    GROUP BY f."procedure"`;
  return rows.map(toFunnelRow).sort((a, b) => b.required - a.required || a.procedure.localeCompare(b.procedure));
}

function toFunnelRow(row: RawRow): FunnelRow {
  const n = (key: string) => Number(row[key] ?? 0);
  const ended = n("verified") + n("failed") + n("cancelled") + n("abandoned");
  return {
    // Rows written before the procedure column existed and were not backfilled have none.
    procedure: typeof row.procedure === "string" ? row.procedure : "(unknown)",
    required: n("required"),
    initiated: n("initiated"),
    verified: n("verified"),
    failed: n("failed"),
    cancelled: n("cancelled"),
    abandoned: n("abandoned"),
    pending: Math.max(0, n("required") - ended),
    timeToVerify: ["t0", "t1", "t2", "t3", "t4"].map(n),
    maxSecondsToVerify: row.maxSeconds === null ? null : Math.round(Number(row.maxSeconds) * 10) / 10,
  };
}
