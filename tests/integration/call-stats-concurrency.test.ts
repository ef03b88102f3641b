import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/server/db";
import { createCallStats, type CallOutcome } from "@step-up/next/testing/server";
import { createTestDatabaseUrl, moduleDb } from "./harness";

/**
 * Two instances flushing their protected-call counts into the same rows at the same moment, keys
 * counted in opposite orders: on PostgreSQL a batch of upserts in arrival order deadlocked (ADR 028).
 * Two clients with their own pools, as two servers have.
 */
const url = createTestDatabaseUrl();
const [first, second] = [createDatabase(url), createDatabase(url)];
afterAll(() => Promise.all([first.$disconnect(), second.$disconnect()]));

const ROUNDS = 40;
const ORGANIZATIONS = Array.from({ length: 12 }, (_, i) => `org-${String(i).padStart(2, "0")}`);
const OUTCOMES: CallOutcome[] = ["allowed", "required"];
const at = new Date("2026-11-23T10:00:00Z");

describe("call counts flushed by two instances at once", () => {
  it("never deadlock and add up exactly, whatever order each instance counted its keys in", async () => {
    const errors: unknown[] = [];
    const stats = [first, second].map((db) => createCallStats(moduleDb(db), (error) => errors.push(error)));
    const keys = ORGANIZATIONS.flatMap((organizationId) => OUTCOMES.map((outcome) => ({ organizationId, outcome })));
    for (let round = 0; round < ROUNDS && errors.length === 0; round++) {
      // Opposite orders: the first instance counts A…Z, the second Z…A (a Map keeps its insertion order).
      for (const key of keys) stats[0]!.count({ ...key, at });
      for (const key of [...keys].reverse()) stats[1]!.count({ ...key, at });
      const flushed = await Promise.allSettled(stats.map((s) => s.flush()));
      for (const result of flushed) if (result.status === "rejected") errors.push(result.reason);
    }
    for (const s of stats) s.stop();
    expect(errors.map(String)).toEqual([]);
    const rows = await first.stepUpCallStat.findMany({ where: { day: "2026-11-23" } });
    expect(rows).toHaveLength(keys.length);
    // Every count written once: nothing lost to a failed batch, nothing doubled by its retry.
    expect(rows.every((row) => row.count === 2 * ROUNDS)).toBe(true);
  });
});
