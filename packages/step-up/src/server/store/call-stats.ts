import "server-only";
import type { Database } from "@/server/db";

export type CallOutcome = "allowed" | "required" | "bypassed" | "refused";

/** How often pending counts are written; metrics also flush on demand before reading. */
export const CALL_STATS_FLUSH_INTERVAL_MS = 5_000;

// Counted in memory and written in batches: a protected call must not pay for a query (bench/run.ts).
// Keyed by database so tests with several databases never mix counts.
const pending = new Map<Database, Map<string, number>>();
let timer: ReturnType<typeof setInterval> | null = null;

function keyOf(day: string, organizationId: string, outcome: CallOutcome): string {
  return `${day}|${organizationId}|${outcome}`;
}

/** Counts one protected call. Synchronous, no I/O; the next flush writes it. */
export function countProtectedCall(
  db: Database,
  call: { organizationId: string | null; outcome: CallOutcome; at: Date },
): void {
  const counts = pending.get(db) ?? new Map<string, number>();
  pending.set(db, counts);
  const key = keyOf(call.at.toISOString().slice(0, 10), call.organizationId ?? "", call.outcome);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  startTimer();
}

function startTimer(): void {
  if (timer) return;
  timer = setInterval(() => void flushAllCallStats(), CALL_STATS_FLUSH_INTERVAL_MS);
  // Never keeps a script or test process alive on its own.
  timer.unref?.();
}

/** Writes the pending counts of one database with upserts; counts that fail to write are put back. */
export async function flushCallStats(db: Database): Promise<void> {
  const counts = pending.get(db);
  if (!counts || counts.size === 0) return;
  pending.delete(db);
  const entries = [...counts];
  try {
    await db.$transaction(
      entries.map(([key, count]) => {
        const [day, organizationId, outcome] = key.split("|") as [string, string, string];
        return db.protectedCallStat.upsert({
          where: { day_organizationId_outcome: { day, organizationId, outcome } },
          create: { day, organizationId, outcome, count },
          update: { count: { increment: count } },
        });
      }),
    );
  } catch (error) {
    const back = pending.get(db) ?? new Map<string, number>();
    for (const [key, count] of entries) back.set(key, (back.get(key) ?? 0) + count);
    pending.set(db, back);
    throw error;
  }
}

/** The timer's flush. A failed write keeps its counts for the next try; metrics are not worth a crash. */
export async function flushAllCallStats(): Promise<void> {
  for (const db of [...pending.keys()]) {
    await flushCallStats(db).catch(() => undefined);
  }
}
