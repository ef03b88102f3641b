import "server-only";
import type { Database } from "../db";

export type CallOutcome = "allowed" | "required" | "bypassed" | "refused";

/** How often pending counts are written; metrics also flush on demand before reading. */
export const CALL_STATS_FLUSH_INTERVAL_MS = 5_000;

export interface CallStats {
  /** Counts one protected call. Synchronous, no I/O; the next flush writes it. */
  count(call: { organizationId: string | null; outcome: CallOutcome; at: Date }): void;
  /** Writes the pending counts with upserts; counts that fail to write are put back. */
  flush(): Promise<void>;
  /** Stops the timer (after a last flush by the caller, if wanted). */
  stop(): void;
}

// Counted in memory and written in batches: a protected call must not pay for a query (bench/run.ts).
export function createCallStats(db: Database, onError: (error: unknown) => void): CallStats {
  let pending = new Map<string, number>();
  let timer: ReturnType<typeof setInterval> | null = null;

  async function flush(): Promise<void> {
    if (pending.size === 0) return;
    const entries = [...pending];
    pending = new Map();
    try {
      await db.$transaction(entries.map(([key, count]) => upsert(db, key, count)));
    } catch (error) {
      for (const [key, count] of entries) pending.set(key, (pending.get(key) ?? 0) + count);
      throw error;
    }
  }

  return {
    count(call) {
      const key = `${call.at.toISOString().slice(0, 10)}|${call.organizationId ?? ""}|${call.outcome}`;
      pending.set(key, (pending.get(key) ?? 0) + 1);
      if (timer) return;
      // A failed write keeps its counts for the next try; metrics are not worth a crash.
      timer = setInterval(() => void flush().catch(onError), CALL_STATS_FLUSH_INTERVAL_MS);
      // Never keeps a script or test process alive on its own.
      timer.unref?.();
    },
    flush,
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

function upsert(db: Database, key: string, count: number) {
  const [day, organizationId, outcome] = key.split("|") as [string, string, string];
  return db.stepUpCallStat.upsert({
    where: { day_organizationId_outcome: { day, organizationId, outcome } },
    create: { day, organizationId, outcome, count },
    update: { count: { increment: count } },
  });
}
