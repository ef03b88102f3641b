import "server-only";
import { rulesSchema, type PolicySnapshot } from "../../engine";
import type { Database } from "../db";

// Policies are read on every protected call; a short cache keeps that off the database.
// Writes through this instance invalidate it at once; other processes see changes within the TTL.
export const POLICY_CACHE_TTL_MS = 5_000;

export interface PolicyCache {
  /** All enabled policies (global, every org, per-user); the engine scopes them to the call. */
  load(nowMs: number): Promise<PolicySnapshot[]>;
  invalidate(): void;
}

/** One per step-up instance (never module state: two instances, or two test databases, never share). */
export function createPolicyCache(db: Database): PolicyCache {
  let cache: { policies: PolicySnapshot[]; loadedAt: number } | null = null;
  return {
    async load(nowMs) {
      if (cache && nowMs - cache.loadedAt >= 0 && nowMs - cache.loadedAt < POLICY_CACHE_TTL_MS) return cache.policies;
      const policies = await readPolicies(db);
      cache = { policies, loadedAt: nowMs };
      return policies;
    },
    invalidate() {
      cache = null;
    },
  };
}

async function readPolicies(db: Database): Promise<PolicySnapshot[]> {
  const rows = await db.stepUpPolicy.findMany({ where: { enabled: true } });
  // A policy whose stored rules no longer parse is a configuration error: refuse (fail closed) loudly.
  return rows.map((row): PolicySnapshot => ({
    id: row.id,
    name: row.name,
    organizationId: row.organizationId,
    userId: row.userId,
    priority: row.priority,
    enabled: row.enabled,
    mode: row.mode === "report_only" ? "report_only" : "enforce",
    rules: rulesSchema.parse(row.rules),
  }));
}
