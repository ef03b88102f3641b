import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { Database } from "../db";
import { AUDIT_EVENT_TYPES } from "../store/audit";

export interface Period {
  organizationId: string;
  from: Date;
  to: Date;
}

/** Prisma stores SQLite DateTime as ISO text with "+00:00"; raw comparisons must use the same form. */
function sqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * Per-day counts by event type, for the chart. Days are UTC. Listing the types lets SQLite answer
 * from the (organizationId, type, createdAt) index alone: ~4× faster on 100,000 rows than a table scan.
 */
export async function auditChart(
  db: Database,
  period: Period,
): Promise<Array<{ day: string; counts: Record<string, number> }>> {
  const rows = await db.$queryRaw<Array<{ day: string; type: string; count: number | bigint }>>`
    SELECT substr(createdAt, 1, 10) AS day, type, COUNT(*) AS count
    FROM StepUpAuditEvent
    WHERE organizationId = ${period.organizationId} AND type IN (${Prisma.join([...AUDIT_EVENT_TYPES])})
      AND createdAt >= ${sqlDate(period.from)} AND createdAt <= ${sqlDate(period.to)}
    GROUP BY type, day`;
  const days = new Map<string, Record<string, number>>(daysBetween(period.from, period.to).map((day) => [day, {}]));
  for (const row of rows) {
    const counts = days.get(row.day) ?? {};
    counts[row.type] = Number(row.count);
    days.set(row.day, counts);
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ day, counts }));
}

const MAX_CHART_DAYS = 400;

/** Every UTC day of the period, so the chart shows quiet days as zero instead of skipping them. */
function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let t = Date.parse(dayOf(from)); t <= to.getTime() && days.length < MAX_CHART_DAYS; t += 86_400_000)
    days.push(dayOf(new Date(t)));
  return days;
}

const METRIC_TYPES = ["stepup.required", "stepup.bypassed", "stepup.locked", "stepup.verified"] as const;

/**
 * Step-up health for a period (definitions in docs/decisions/009-admin-metrics.md). Everything comes
 * from rows the cleanup keeps and that carry the organization: audit events and the call counters.
 */
export async function auditMetrics(db: Database, period: Period & { requirementTtlMs: number }) {
  const createdAt = { gte: period.from, lte: period.to };
  const [calls, byType, attempted, medianSecondsToFulfil] = await Promise.all([
    db.stepUpCallStat.aggregate({
      where: { organizationId: period.organizationId, day: { gte: dayOf(period.from), lte: dayOf(period.to) } },
      _sum: { count: true },
    }),
    db.stepUpAuditEvent.groupBy({
      by: ["type"],
      where: { organizationId: period.organizationId, type: { in: [...METRIC_TYPES] }, createdAt },
      _count: { _all: true },
    }),
    countAttemptedVerifications(db, period),
    medianFulfilSeconds(db, period),
  ]);
  const count = (type: (typeof METRIC_TYPES)[number]) => byType.find((row) => row.type === type)?._count._all ?? 0;
  const protectedCalls = calls._sum.count ?? 0;
  const stepUpsRequired = count("stepup.required");
  const deviceBypasses = count("stepup.bypassed");
  const rate = ratio(stepUpsRequired, protectedCalls);
  return {
    protectedCalls,
    stepUpsRequired,
    /** null when there were no protected calls. */
    stepUpRatePer100: rate === null ? null : Math.round(rate * 100 * 10) / 10,
    /** Requirements on which the user tried at least one factor. */
    verificationAttempts: attempted,
    /** Verified requirements / attempted ones, 0..1; null without attempts. */
    verificationSuccessRate: attempted === 0 ? null : Math.min(1, count("stepup.verified") / attempted),
    medianSecondsToFulfil,
    deviceBypasses,
    /** Share of calls that needed a step-up which a remembered device let through (0..1). */
    deviceBypassRate: ratio(deviceBypasses, deviceBypasses + stepUpsRequired),
    lockouts: count("stepup.locked"),
  };
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Distinct requirements with a factor tried (a first success is `initiated`, every failure `failed`). */
async function countAttemptedVerifications(db: Database, period: Period): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ count: number | bigint }>>`
    SELECT COUNT(DISTINCT json_extract(data, '$.requirementId')) AS count
    FROM StepUpAuditEvent
    WHERE organizationId = ${period.organizationId} AND type IN ('stepup.initiated', 'stepup.failed')
      AND createdAt >= ${sqlDate(period.from)} AND createdAt <= ${sqlDate(period.to)}`;
  return Number(row?.count ?? 0);
}

/**
 * Median seconds from `stepup.required` to `stepup.verified` of the same requirement, for
 * requirements fulfilled in the period. Read from audit rows, which outlive the requirements.
 */
async function medianFulfilSeconds(
  db: Database,
  period: Period & { requirementTtlMs: number },
): Promise<number | null> {
  // A requirement is verified before it expires, so its `required` row is at most one TTL older: an index range.
  const ttl = `-${Math.ceil(period.requirementTtlMs / 1000)} seconds`;
  const rows = await db.$queryRaw<Array<{ seconds: number }>>`
    SELECT (julianday(v.createdAt) - julianday(r.createdAt)) * 86400.0 AS seconds
    FROM StepUpAuditEvent v
    JOIN StepUpAuditEvent r
      ON r.organizationId = v.organizationId AND r.type = 'stepup.required'
     AND json_extract(r.data, '$.requirementId') = json_extract(v.data, '$.requirementId')
     AND r.createdAt <= v.createdAt AND r.createdAt >= strftime('%Y-%m-%dT%H:%M:%f', v.createdAt, ${ttl})
    WHERE v.organizationId = ${period.organizationId} AND v.type = 'stepup.verified'
      AND v.createdAt >= ${sqlDate(period.from)} AND v.createdAt <= ${sqlDate(period.to)}`;
  const seconds = rows.map((r) => Number(r.seconds)).sort((a, b) => a - b);
  if (seconds.length === 0) return null;
  const middle = Math.floor(seconds.length / 2);
  const median = seconds.length % 2 === 1 ? seconds[middle]! : (seconds[middle - 1]! + seconds[middle]!) / 2;
  return Math.round(median * 10) / 10;
}
