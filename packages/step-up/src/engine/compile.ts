import { compileRule, type CompiledRule } from "./compile-rule";
import { procedureIndexBuilder, type ProcedureIndex } from "./procedure-index";
import type { PolicySnapshot } from "./types";

/**
 * Policies turned, once per snapshot, into the form `evaluate` runs (ADR 019): enabled policies in
 * evaluation order, each rule a ready comparison, every glob in one index by procedure path, every
 * CEL condition parsed. The snapshots stay beside it for code that reads policies as data.
 */
export interface CompiledPolicies {
  readonly snapshots: readonly PolicySnapshot[];
  readonly policies: readonly CompiledPolicy[];
  readonly procedures: ProcedureIndex;
  /** Some rule reads the risk score (a risk or condition rule), so the caller must score it. */
  readonly usesRisk: boolean;
}

export interface CompiledPolicy {
  /** Scoping (organization, user) is decided per call on the snapshot itself: see `policyApplies`. */
  readonly snapshot: PolicySnapshot;
  readonly reportOnly: boolean;
  readonly rules: readonly CompiledRule[];
}

export function compilePolicies(snapshots: readonly PolicySnapshot[]): CompiledPolicies {
  const procedures = procedureIndexBuilder();
  const policies = snapshots
    .filter((policy) => policy.enabled)
    .sort(byEvaluationOrder)
    .map((snapshot): CompiledPolicy => ({
      snapshot,
      reportOnly: snapshot.mode === "report_only",
      rules: snapshot.rules.map((rule, index) => compileRule(snapshot, rule, index, procedures)),
    }));
  return { snapshots, policies, procedures: procedures.build(), usesRisk: usesRisk(snapshots) };
}

export function isCompiled(policies: readonly PolicySnapshot[] | CompiledPolicies): policies is CompiledPolicies {
  return !Array.isArray(policies);
}

/** Highest priority first; the id breaks ties so the order of matched rules is stable. */
function byEvaluationOrder(a: PolicySnapshot, b: PolicySnapshot): number {
  return b.priority - a.priority || a.id.localeCompare(b.id);
}

function usesRisk(snapshots: readonly PolicySnapshot[]): boolean {
  return snapshots.some((p) => p.rules.some((r) => r.kind === "risk" || r.kind === "condition"));
}
