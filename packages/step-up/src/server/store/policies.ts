import "server-only";
import { rulesSchema, type PolicySnapshot } from "../../engine";
import type { Database } from "@/server/db";

// Policies are read on every protected call; a short cache keeps that off the database.
// Writes in this process invalidate it at once; other processes see changes within the TTL.
export const POLICY_CACHE_TTL_MS = 5_000;

let cache: { policies: PolicySnapshot[]; loadedAt: number } | null = null;

export function invalidatePolicyCache(): void {
  cache = null;
}

/** All enabled policies (global, every org, per-user); the engine scopes them to the call. */
export async function loadPolicies(db: Database, nowMs: number): Promise<PolicySnapshot[]> {
  if (cache && nowMs - cache.loadedAt >= 0 && nowMs - cache.loadedAt < POLICY_CACHE_TTL_MS) return cache.policies;
  const rows = await db.policy.findMany({ where: { enabled: true } });
  // A policy whose stored rules no longer parse is a configuration error: refuse (fail closed) loudly.
  const policies = rows.map((row): PolicySnapshot => ({
    id: row.id,
    name: row.name,
    organizationId: row.organizationId,
    userId: row.userId,
    priority: row.priority,
    enabled: row.enabled,
    mode: row.mode === "report_only" ? "report_only" : "enforce",
    rules: rulesSchema.parse(row.rules),
  }));
  cache = { policies, loadedAt: nowMs };
  return policies;
}
