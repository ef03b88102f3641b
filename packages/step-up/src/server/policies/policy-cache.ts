import "server-only";
import { compilePolicies, rulesSchema, type CompiledPolicies, type PolicySnapshot } from "../../engine";
import type { Database, Transaction } from "../db";

/** The StepUpRevision row bumped by every policy write. */
export const POLICY_REVISION = "policies";

export interface PolicyCache {
  /**
   * All enabled policies (global, every org, per-user); the engine scopes them to the call. Served from
   * memory while `revision` (read with the caller's session, see server/grants/session-state.ts) is the one the
   * cache was loaded at; read without one, it is looked up first. Compiled once per revision (ADR 019):
   * `evaluate` takes the result as is, and `snapshots` holds the plain policies for code that reads them.
   */
  load(revision?: number): Promise<CompiledPolicies>;
}

/**
 * One per step-up instance (never module state). Policies are read on every protected call, so they are
 * cached; the revision row makes a change made on any instance (or by a script) visible on the next call
 * everywhere, without a time-to-live.
 */
export function createPolicyCache(db: Database): PolicyCache {
  let cache: { policies: CompiledPolicies; revision: number } | null = null;
  return {
    async load(revision) {
      const current = revision ?? (await readPolicyRevision(db));
      if (cache && cache.revision === current) return cache.policies;
      // Read after the revision: a write landing in between leaves the cache one revision behind, and
      // the next call (which sees the newer revision) reloads. Never the other way round.
      const policies = compilePolicies(await readPolicies(db));
      cache = { policies, revision: current };
      return policies;
    },
  };
}

/** Call in the transaction of every policy write (create, update, enable, delete, import). */
export async function bumpPolicyRevision(tx: Transaction | Database): Promise<void> {
  await tx.stepUpRevision.upsert({
    where: { name: POLICY_REVISION },
    create: { name: POLICY_REVISION, value: 1 },
    update: { value: { increment: 1 } },
  });
}

export async function readPolicyRevision(db: Database): Promise<number> {
  return (await db.stepUpRevision.findUnique({ where: { name: POLICY_REVISION } }))?.value ?? 0;
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
