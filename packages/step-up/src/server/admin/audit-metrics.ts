import "server-only";
import type { Database } from "../db";
import { AUDIT_EVENT_TYPES } from "../audit/audit";
import { ensureDayRollups, rolledUpCounts, splitPeriod } from "./audit-days";

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
  filter?: EventFilter | undefined;
  /**
   * The reading server's clock: the period's closed UTC days are read from the daily rollups
   * (audit-days.ts, ADR 039). Without it, or with a user filter, every row is counted live.
   */
  now?: Date | undefined;
}

/**
 * The period with its filter's fields as SQL parameters: `''` stands for "any", so each raw query keeps one
 * text (`(${userId} = '' OR "userId" = ${userId})`) and binds a string on both databases (PostgreSQL cannot
 * type a bare NULL parameter); it plans each call with its values, so an unused filter costs nothing.
 */
export function narrowed(period: Period) {
  const filter = period.filter ?? {};
  return {
    organizationId: period.organizationId,
    from: period.from,
    to: period.to,
    userId: filter.userId ?? "",
    type: filter.type ?? "",
    severity: filter.severity ?? "",
  };
}

/** For raw SQL: "" means any user. */
export function userParam(period: Period): string {
  return narrowed(period).userId;
}

/** Metrics and the funnel are made of step-up rows: of the page's filters only the user applies to them. */
function userOnly(period: Period): Period {
  const userId = period.filter?.userId;
  return { ...period, filter: userId ? { userId } : undefined };
}

/** The same narrowing as a Prisma filter. */
function rowWhere(period: Period) {
  const { userId, type, severity } = narrowed(period);
  return { ...(userId && { userId }), ...(severity && { severity }), ...(type && { type }) };
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
  const { from, to } = narrowed(period);
  const rows = await countsByDayAndType(db, period, types);
  const days = new Map<string, Record<string, number>>(daysBetween(from, to).map((day) => [day, {}]));
  for (const row of rows) {
    const counts = days.get(row.day) ?? {};
    counts[row.type] = (counts[row.type] ?? 0) + row.count;
    days.set(row.day, counts);
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ day, counts }));
}

/**
 * Audit rows counted by UTC day and type over the period (types of AUDIT_EVENT_TYPES): closed days from
 * the daily rollups, the rest (today, the clipped edge days, any period with a user filter) live, on
 * the (organizationId, type, day, createdAt) index. A day split across parts comes back in several rows.
 */
async function countsByDayAndType(
  db: Database,
  period: Period,
  types: readonly string[],
): Promise<Array<{ day: string; type: string; count: number }>> {
  const { organizationId, from, to, userId, type, severity } = narrowed(period);
  const split = period.now && !userId ? splitPeriod(from, to, period.now) : { days: [], live: [{ from, to }] };
  await ensureDayRollups(db, organizationId, split.days);
  const [rolled, ...live] = await Promise.all([
    rolledUpCounts(db, { organizationId, days: split.days, type, severity }),
    ...split.live.map(async (part) => {
      const rows = await db.stepUpAuditEvent.groupBy({
        by: ["type", "day"],
        where: {
          organizationId,
          type: { in: [...types] },
          day: { gte: dayOf(part.from), lte: dayOf(part.to) },
          createdAt: { gte: part.from, lte: part.to },
          ...rowWhere(period),
        },
        _count: { _all: true },
      });
      return rows.map((row) => ({ day: row.day, type: row.type, count: row._count._all }));
    }),
  ]);
  const known = new Set<string>(types);
  return [...rolled!.filter((row) => known.has(row.type)), ...live.flat()];
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
type MetricType = (typeof METRIC_TYPES)[number];

/**
 * Step-up health for a period (definitions in docs/decisions/009-admin-metrics.md). Everything comes
 * from rows the cleanup keeps and that carry the organization: audit events and the call counters.
 * With a user filter the events are that member's; calls are counted per organization and day only,
 * so the call count and the step-up rate are null then (no per-user rate rather than a wrong one).
 */
export async function auditMetrics(db: Database, period: Period) {
  const scoped = userOnly(period);
  const { from, to } = scoped;
  const [calls, byType, attempted, medianSecondsToFulfil] = await Promise.all([
    db.stepUpCallStat.aggregate({
      where: { organizationId: period.organizationId, day: { gte: dayOf(from), lte: dayOf(to) } },
      _sum: { count: true },
    }),
    countsByDayAndType(db, scoped, METRIC_TYPES),
    countAttemptedVerifications(db, scoped),
    medianFulfilSeconds(db, scoped),
  ]);
  const count = (type: MetricType) => byType.reduce((sum, row) => (row.type === type ? sum + row.count : sum), 0);
  const protectedCalls = scoped.filter?.userId ? null : (calls._sum.count ?? 0);
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
  const { organizationId, from, to, userId, type, severity } = narrowed(period);
  // Portable SQL: quoted identifiers and bound parameters only (Date binds on both databases).
  const [row] = await db.$queryRaw<Array<{ count: number | bigint }>>`
    SELECT COUNT(DISTINCT "requirementId") AS "count"
    FROM "StepUpAuditEvent"
    WHERE "organizationId" = ${organizationId} AND "type" IN ('stepup.initiated', 'stepup.failed')
      AND "createdAt" >= ${from} AND "createdAt" <= ${to}
      AND (${userId} = '' OR "userId" = ${userId}) AND (${type} = '' OR "type" = ${type})
      AND (${severity} = '' OR "severity" = ${severity})`;
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
  const { organizationId, from, to, userId, type, severity } = narrowed(period);
  // The same filter twice, as whole templates: a fragment from the module's own Prisma namespace
  // would be another class than the host client's.
  const [counted] = await db.$queryRaw<Array<{ count: number | bigint }>>`
    SELECT COUNT(*) AS "count" FROM "StepUpAuditEvent"
    WHERE "organizationId" = ${organizationId} AND "type" = 'stepup.verified' AND "secondsToVerify" IS NOT NULL
      AND "createdAt" >= ${from} AND "createdAt" <= ${to}
      AND (${userId} = '' OR "userId" = ${userId}) AND (${type} = '' OR "type" = ${type})
      AND (${severity} = '' OR "severity" = ${severity})`;
  const count = Number(counted?.count ?? 0);
  if (count === 0) return null;
  // Ties hold equal values, so ordering by the value alone is enough.
  const middle = await db.$queryRaw<Array<{ value: number }>>`
    SELECT "secondsToVerify" AS "value" FROM "StepUpAuditEvent"
    WHERE "organizationId" = ${organizationId} AND "type" = 'stepup.verified' AND "secondsToVerify" IS NOT NULL
      AND "createdAt" >= ${from} AND "createdAt" <= ${to}
      AND (${userId} = '' OR "userId" = ${userId}) AND (${type} = '' OR "type" = ${type})
      AND (${severity} = '' OR "severity" = ${severity})
    ORDER BY "secondsToVerify" ASC
    LIMIT ${count % 2 === 1 ? 1 : 2} OFFSET ${Math.floor((count - 1) / 2)}`;
  const values = middle.map((row) => Number(row.value));
  const median = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.round(median * 10) / 10;
}
