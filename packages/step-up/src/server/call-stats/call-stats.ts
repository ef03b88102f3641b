import "server-only";
import { join, sqltag } from "@prisma/client/runtime/client";
import type { Database } from "../db";

export type CallOutcome = "allowed" | "required" | "bypassed" | "refused";

/**
 * At most one write per this interval per instance: counts arriving meanwhile go out together. A write
 * per call doubled the cost of a protected call on SQLite (bench/run.ts: 1.76× instead of 1.15×), so a
 * crash may lose the counts of the last 250 ms — not of the last 5 s, as the batch timer did.
 */
export const CALL_STATS_WRITE_INTERVAL_MS = 250;
/** After a failed write, the next try waits this long (counts are kept meanwhile). */
export const CALL_STATS_RETRY_MS = 1_000;

export interface CallStats {
  /** Counts one protected call. Synchronous for the call: the write happens behind it. */
  count(call: { organizationId: string | null; outcome: CallOutcome; at: Date }): void;
  /** Resolves when every count made so far is written (metrics read after it; shutdown). */
  flush(): Promise<void>;
  /** Cancels a pending retry (after a last flush by the caller, if wanted). */
  stop(): void;
}

/**
 * Write-behind: the first count after a quiet spell is written at once; while writes are recent, counts
 * gather for at most CALL_STATS_WRITE_INTERVAL_MS and go out in one statement. A protected call never
 * waits for it, and increments from every instance add up in the same rows.
 */
export function createCallStats(db: Database, onError: (error: unknown) => void): CallStats {
  let pending = new Map<string, number>();
  let writing: Promise<void> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let next: ReturnType<typeof setTimeout> | null = null;
  let lastWriteAt = 0;

  async function write(): Promise<void> {
    const entries = [...pending];
    pending = new Map();
    lastWriteAt = Date.now();
    try {
      await addCounts(db, entries);
    } catch (error) {
      for (const [key, count] of entries) pending.set(key, (pending.get(key) ?? 0) + count);
      throw error;
    }
  }

  function start(): Promise<void> {
    if (writing) return writing;
    if (pending.size === 0) return Promise.resolve();
    const run = write().finally(() => {
      writing = null;
    });
    writing = run;
    void run.then(
      () => schedule(),
      (error: unknown) => {
        // Metrics are not worth a crash, nor a tight loop against a database that is down.
        onError(error);
        if (retry) return;
        retry = setTimeout(() => {
          retry = null;
          void start().catch(() => undefined);
        }, CALL_STATS_RETRY_MS);
        retry.unref?.();
      },
    );
    return run;
  }

  // The wall clock on purpose: this paces writes, it decides nothing (the module's clock is for decisions).
  function schedule(): void {
    if (writing || next || retry || pending.size === 0) return;
    const wait = lastWriteAt + CALL_STATS_WRITE_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      void start().catch(() => undefined);
      return;
    }
    next = setTimeout(() => {
      next = null;
      void start().catch(() => undefined);
    }, wait);
    next.unref?.();
  }

  return {
    count(call) {
      const key = `${call.at.toISOString().slice(0, 10)}|${call.organizationId ?? ""}|${call.outcome}`;
      pending.set(key, (pending.get(key) ?? 0) + 1);
      schedule();
    },
    async flush() {
      // The write in flight, then one for whatever arrived during it.
      while (writing || pending.size > 0) await start();
    },
    stop() {
      if (retry) clearTimeout(retry);
      if (next) clearTimeout(next);
      retry = next = null;
    },
  };
}

/**
 * One `INSERT … ON CONFLICT DO UPDATE` over the keys in sorted order: every instance locks the rows it
 * touches in the same order, so two flushes wait for each other and never deadlock (a transaction of
 * upserts in arrival order did on PostgreSQL). The same SQL runs on SQLite. ADR 028.
 */
async function addCounts(db: Database, entries: Array<[string, number]>): Promise<void> {
  const rows = entries
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => {
      const [day, organizationId, outcome] = key.split("|") as [string, string, string];
      return sqltag`(${day}, ${organizationId}, ${outcome}, ${count})`;
    });
  await db.$executeRaw`
    INSERT INTO "StepUpCallStat" ("day", "organizationId", "outcome", "count")
    VALUES ${join(rows)}
    ON CONFLICT ("day", "organizationId", "outcome") DO UPDATE SET "count" = "StepUpCallStat"."count" + excluded."count"`;
}
