import { compileRule } from "./compile-rule";
import { ruleIndexBuilder, type RuleIndex } from "./compile-index";
import type { PolicySnapshot } from "./types";

/**
 * Policies turned, once per snapshot, into the form `evaluate` runs (ADR 019): every rule of an enabled
 * policy a ready comparison, every CEL condition parsed, all of them filed in an index by organization
 * and rule kind so a call visits only the rules that can match it (ADR 038). The snapshots stay beside
 * it for code that reads policies as data.
 */
export interface CompiledPolicies {
  readonly snapshots: readonly PolicySnapshot[];
  readonly rules: RuleIndex;
  /** Some rule reads the risk score (a risk or condition rule), so the caller must score it. */
  readonly usesRisk: boolean;
}

export function compilePolicies(snapshots: readonly PolicySnapshot[]): CompiledPolicies {
  const rules = ruleIndexBuilder();
  // Filed in evaluation order: that order is how matches are reported.
  for (const policy of snapshots.filter((p) => p.enabled).sort(byEvaluationOrder)) {
    const scope = {
      organizationId: policy.organizationId,
      userId: policy.userId,
      reportOnly: policy.mode === "report_only",
    };
    policy.rules.forEach((rule, index) => rules.add(scope, compileRule(policy, rule, index)));
  }
  return { snapshots, rules: rules.build(), usesRisk: usesRisk(snapshots) };
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
