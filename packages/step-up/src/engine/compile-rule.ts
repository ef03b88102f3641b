import type { CallFacts } from "./call-facts";
import { parseCondition, type ConditionProgram } from "./condition";
import { riskGuardOf, type RiskGuard } from "./compile-guard";
import { describeRule } from "./describe";
import { procedureMatcher } from "./match";
import type { Rule } from "./rules";
import type { CallContext, MatchedRule, PolicySnapshot } from "./types";

/** One rule, ready to run: the record of its match, or null. The record is shared by every call. */
export type CompiledRule = (facts: CallFacts) => MatchedRule | null;

/** A rule as the index files it (compile-index.ts): its test, and what the index reads to skip it. */
export type RuleEntry =
  | { kind: "procedure"; matches: (procedure: string) => boolean; matched: MatchedRule }
  | { kind: "amount"; currency: string | undefined; test: CompiledRule }
  | { kind: "resource"; resource: string; test: CompiledRule }
  | { kind: "risk"; minScore: number; matched: MatchedRule }
  | { kind: "condition"; riskGuard: RiskGuard | null; test: CompiledRule };

type RuleOf<K extends Rule["kind"]> = Extract<Rule, { kind: K }>;

const CONDITION_FAILED = "condition could not be evaluated";

export function compileRule(policy: PolicySnapshot, rule: Rule, ruleIndex: number): RuleEntry {
  const matched = matchedRule(policy, rule, ruleIndex, () => rule.description ?? describeRule(rule));
  switch (rule.kind) {
    case "procedure":
    case "auth_age":
      // The glob's outcome depends on the path alone: the index decides it once per path.
      return { kind: "procedure", matches: procedureMatcher(rule.pattern), matched };
    case "amount": {
      const test = amountTest(rule);
      return { kind: "amount", currency: rule.currency, test: (facts) => (test(facts.context) ? matched : null) };
    }
    case "resource": {
      const test = resourceTest(rule);
      return { kind: "resource", resource: rule.resource, test: (facts) => (test(facts.context) ? matched : null) };
    }
    case "risk":
      return { kind: "risk", minScore: rule.minScore, matched };
    case "condition": {
      const failed = matchedRule(policy, rule, ruleIndex, () => CONDITION_FAILED);
      const test = conditionRule(rule, matched, failed);
      return { kind: "condition", riskGuard: riskGuardOf(rule.expression), test };
    }
    default:
      return assertNever(rule);
  }
}

/**
 * The match record, with the description built on first read: most decisions are never stored, shown
 * or simulated, and one built for a rule serves every later decision of the same snapshot (ADR 019).
 * Frozen because it is shared: a caller that changed it would change every later decision.
 */
function matchedRule(policy: PolicySnapshot, rule: Rule, ruleIndex: number, describe: () => string): MatchedRule {
  let description: string | undefined;
  return Object.freeze({
    policyId: policy.id,
    policyName: policy.name,
    ruleIndex,
    kind: rule.kind,
    level: rule.level,
    get description() {
      return (description ??= describe());
    },
    // Read on first use too: only a refused call needs it, and the rule's text is the author's.
    get reason() {
      return rule.description;
    },
    ...(rule.kind === "auth_age" ? { maxAgeMs: rule.maxAgeSeconds * 1000 } : {}),
  });
}

// The same comparisons as match.ts, with the rule's fields read once. Written as negated tests like
// there, so a NaN amount matches exactly as it does on the uncompiled path.
function amountTest(rule: RuleOf<"amount">): (context: CallContext) => boolean {
  const { currency, min, max } = rule;
  return ({ amount }) =>
    !!amount &&
    !(currency && currency !== amount.currency) &&
    !(min !== undefined && amount.value < min) &&
    !(max !== undefined && amount.value >= max);
}

function resourceTest(rule: RuleOf<"resource">): (context: CallContext) => boolean {
  const anyType = rule.resource === "*";
  const anyAction = rule.action === "*";
  return ({ resource }) =>
    !!resource && (anyType || rule.resource === resource.type) && (anyAction || rule.action === resource.action);
}

/** Parsed once; a condition that cannot be parsed or evaluated matches with a note (fail closed). */
function conditionRule(rule: RuleOf<"condition">, matched: MatchedRule, failed: MatchedRule): CompiledRule {
  let program: ConditionProgram;
  try {
    program = parseCondition(rule.expression);
  } catch {
    return () => failed;
  }
  return (facts) => {
    try {
      return program(facts.conditionVariables()) ? matched : null;
    } catch {
      return failed;
    }
  };
}

function assertNever(value: never): never {
  throw new Error(`Unhandled rule kind: ${JSON.stringify(value)}`);
}
