import "server-only";
import type { Database } from "../db";
import { AUDIT_EVENT_TYPES } from "../audit/audit";

/** The audit page's filters beyond the period; each figure applies those that mean something for it. */
export interface EventFilter {
  userId?: string;
  type?: string;
  severity?: string;
}

export interface Period {
  organizationId: string;
  from: Date;
  to: Date;
  filter?: EventFilter;
}

/** For raw SQL: "" means any user (a string on both databases, where an untyped NULL parameter is not). */
export function userParam(period: Period): string {
  return period.filter?.userId ?? "";
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * Per-day counts by event type, for the chart. Days are UTC, read from the `day` column (no date
 * function in SQL, so the same query runs on SQLite and PostgreSQL); the period's ends clip the first
 * and last day. Listing the types keeps it on the (organizationId, type, day) index.
 */
export async function auditChart(
  db: Database,
  period: Period,
  types: readonly string[] = AUDIT_EVENT_TYPES,
): Promise<Array<{ day: string; counts: Record<string, number> }>> {
  const { from, to } = period;
  const rows = await db.stepUpAuditEvent.groupBy({
    by: ["type", "day"],
    where: {
      organizationId: period.organizationId,
      type: period.filter?.type ?? { in: [...types] },
      day: { gte: dayOf(period.from), lte: dayOf(period.to) },
      createdAt: { gte: period.from, lte: period.to },
      ...(period.filter?.severity ? { severity: period.filter.severity } : {}),
      ...(period.filter?.userId ? { userId: period.filter.userId } : {}),
    },
    _count: { _all: true },
  });
  const days = new Map<string, Record<string, number>>(daysBetween(from, to).map((day) => [day, {}]));
  for (const row of rows) {
    const counts = days.get(row.day) ?? {};
    counts[row.type] = row._count._all;
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
 * With a user filter the events are that member's; calls are counted per organization and day only,
 * so the call count and the step-up rate are null then (no per-user rate rather than a wrong one).
 */
export async function auditMetrics(db: Database, period: Period) {
  const { from, to } = period;
  const createdAt = { gte: from, lte: to };
  const [calls, byType, attempted, medianSecondsToFulfil] = await Promise.all([
    db.stepUpCallStat.aggregate({
      where: { organizationId: period.organizationId, day: { gte: dayOf(from), lte: dayOf(to) } },
      _sum: { count: true },
    }),
    db.stepUpAuditEvent.groupBy({
      by: ["type"],
      where: {
        organizationId: period.organizationId,
        type: { in: [...METRIC_TYPES] },
        createdAt,
        ...(period.filter?.userId ? { userId: period.filter.userId } : {}),
      },
      _count: { _all: true },
    }),
    countAttemptedVerifications(db, period),
    medianFulfilSeconds(db, period),
  ]);
  const count = (type: (typeof METRIC_TYPES)[number]) => byType.find((row) => row.type === type)?._count._all ?? 0;
  const protectedCalls = period.filter?.userId ? null : (calls._sum.count ?? 0);
  const stepUpsRequired = count("stepup.required");
  const deviceBypasses = count("stepup.bypassed");
  const rate = protectedCalls === null ? null : ratio(stepUpsRequired, protectedCalls);
  return {
    /** null with a user filter: calls are not counted per user. */
    protectedCalls,
    stepUpsRequired,
    /** null when there were no protected calls, or with a user filter. */
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
  // Portable SQL: quoted identifiers and bound parameters only (Date binds on both databases).
  const user = userParam(period);
  const [row] = await db.$queryRaw<Array<{ count: number | bigint }>>`
    SELECT COUNT(DISTINCT "requirementId") AS "count"
    FROM "StepUpAuditEvent"
    WHERE "organizationId" = ${period.organizationId} AND "type" IN ('stepup.initiated', 'stepup.failed')
      AND "createdAt" >= ${period.from} AND "createdAt" <= ${period.to}
      AND (${user} = '' OR "userId" = ${user})`;
  return Number(row?.count ?? 0);
}

/**
 * Median seconds from a requirement's creation to its verification, over the requirements verified
 * in the period. Each `stepup.verified` row carries its own figure (`secondsToVerify`), so the median
 * is a count and one ordered read of at most two rows, on either database. Raw SQL because Prisma's
 * `count` wraps the filter in a subquery that selects `id`, which leaves the covering
 * (organizationId, type, createdAt, requirementId, secondsToVerify) index for the table (34 ms vs 5 ms
 * on 100,000 rows, bench/audit.ts).
 */
async function medianFulfilSeconds(db: Database, period: Period): Promise<number | null> {
  const { organizationId, from, to } = period;
  const user = userParam(period);
  // The same filter twice, as whole templates: a fragment from the module's own Prisma namespace
  // would be another class than the host client's.
  const [counted] = await db.$queryRaw<Array<{ count: number | bigint }>>`
    SELECT COUNT(*) AS "count" FROM "StepUpAuditEvent"
    WHERE "organizationId" = ${organizationId} AND "type" = 'stepup.verified' AND "secondsToVerify" IS NOT NULL
      AND "createdAt" >= ${from} AND "createdAt" <= ${to} AND (${user} = '' OR "userId" = ${user})`;
  const count = Number(counted?.count ?? 0);
  if (count === 0) return null;
  // Ties hold equal values, so ordering by the value alone is enough.
  const middle = await db.$queryRaw<Array<{ value: number }>>`
    SELECT "secondsToVerify" AS "value" FROM "StepUpAuditEvent"
    WHERE "organizationId" = ${organizationId} AND "type" = 'stepup.verified' AND "secondsToVerify" IS NOT NULL
      AND "createdAt" >= ${from} AND "createdAt" <= ${to} AND (${user} = '' OR "userId" = ${user})
    ORDER BY "secondsToVerify" ASC
    LIMIT ${count % 2 === 1 ? 1 : 2} OFFSET ${Math.floor((count - 1) / 2)}`;
  const values = middle.map((row) => Number(row.value));
  const median = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.round(median * 10) / 10;
}
