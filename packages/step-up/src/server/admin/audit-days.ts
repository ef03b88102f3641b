import "server-only";
import { providerOf } from "../audit-triggers";
import type { Database } from "../db";

const DAY_MS = 86_400_000;
/** A UTC day is closed, and may be rolled up, this long after it ends (ADR 039): late writers' grace. */
export const DAY_CLOSED_AFTER_MS = 3_600_000;
/** The marker row of a rolled-up day, so a day without events is not counted again on every read. */
const MARKER = "";

function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * How [from, to] (inclusive) splits: the UTC days wholly inside it and closed at `now`, read from the
 * rollups, and the edges before and after them, counted live. No closed day: all of it is live.
 */
export function splitPeriod(
  from: Date,
  to: Date,
  now: Date,
): { days: string[]; live: Array<{ from: Date; to: Date }> } {
  const first = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
  const days: string[] = [];
  let t = first;
  for (; t + DAY_MS - 1 <= to.getTime() && t + DAY_MS + DAY_CLOSED_AFTER_MS <= now.getTime(); t += DAY_MS)
    days.push(dayOf(t));
  if (days.length === 0) return { days, live: from <= to ? [{ from, to }] : [] };
  const live: Array<{ from: Date; to: Date }> = [];
  if (from.getTime() < first) live.push({ from, to: new Date(first - 1) });
  if (t <= to.getTime()) live.push({ from: new Date(t), to });
  return { days, live };
}

/**
 * Makes sure each of `days` has its rollup rows: the days without them are counted from the audit
 * log in one INSERT … SELECT … GROUP BY, with a marker row each. Concurrent readers insert the same
 * counts; ON CONFLICT keeps the first. A late row deletes its day's rows (the trigger in the
 * migration 20261208015101_audit_day_rollups), so the next read counts that day again.
 */
export async function ensureDayRollups(db: Database, organizationId: string, days: string[]): Promise<void> {
  if (days.length === 0) return;
  const present = await db.$queryRaw<Array<{ day: string }>>`
    SELECT "day" FROM "StepUpAuditDay"
    WHERE "organizationId" = ${organizationId} AND "day" >= ${days[0]} AND "day" <= ${days.at(-1)} AND "type" = ${MARKER}`;
  const have = new Set(present.map((row) => row.day));
  const missing = days.filter((day) => !have.has(day));
  if (missing.length === 0) return;
  // Positional parameters, numbered on PostgreSQL; SQLite's `?` takes them in order, so none repeats.
  const postgres = providerOf(db) === "postgresql";
  let n = 0;
  const at = () => (postgres ? `$${++n}` : "?");
  const counted = `INSERT INTO "StepUpAuditDay" ("organizationId", "day", "type", "severity", "count")
     SELECT "organizationId", "day", "type", "severity", COUNT(*) FROM "StepUpAuditEvent"
     WHERE "organizationId" = ${at()} AND "day" IN (${missing.map(() => at()).join(", ")})
     GROUP BY "organizationId", "day", "type", "severity"
     ON CONFLICT DO NOTHING`;
  n = 0;
  const markers = `INSERT INTO "StepUpAuditDay" ("organizationId", "day", "type", "severity", "count")
     VALUES ${missing.map(() => `(${at()}, ${at()}, '${MARKER}', '', 0)`).join(", ")}
     ON CONFLICT DO NOTHING`;
  await db.$transaction([
    db.$executeRawUnsafe(counted, organizationId, ...missing),
    db.$executeRawUnsafe(markers, ...missing.flatMap((day) => [organizationId, day])),
  ]);
}

/** Counts by day and type over rolled-up days (call ensureDayRollups first), narrowed by type and severity. */
export async function rolledUpCounts(
  db: Database,
  options: { organizationId: string; days: string[]; type: string; severity: string },
): Promise<Array<{ day: string; type: string; count: number }>> {
  const { organizationId, days, type, severity } = options;
  if (days.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ day: string; type: string; count: number | bigint }>>`
    SELECT "day", "type", SUM("count") AS "count" FROM "StepUpAuditDay"
    WHERE "organizationId" = ${organizationId} AND "day" >= ${days[0]} AND "day" <= ${days.at(-1)}
      AND "type" <> ${MARKER} AND (${type} = '' OR "type" = ${type}) AND (${severity} = '' OR "severity" = ${severity})
    GROUP BY "day", "type"`;
  return rows.map((row) => ({ day: row.day, type: row.type, count: Number(row.count) }));
}
