import type { CallFacts } from "./call-facts";
import { parseCondition, type ConditionProgram } from "./condition";
import { describeRule } from "./describe";
import type { ProcedureIndexBuilder } from "./procedure-index";
import type { Rule } from "./rules";
import type { CallContext, MatchedRule, PolicySnapshot } from "./types";

/** One rule, ready to run: the record of its match, or null. The record is shared by every call. */
export type CompiledRule = (facts: CallFacts) => MatchedRule | null;

type RuleOf<K extends Rule["kind"]> = Extract<Rule, { kind: K }>;

const CONDITION_FAILED = "condition could not be evaluated";

export function compileRule(
  policy: PolicySnapshot,
  rule: Rule,
  ruleIndex: number,
  procedures: ProcedureIndexBuilder,
): CompiledRule {
  const matched = matchedRule(policy, rule, ruleIndex, () => rule.description ?? describeRule(rule));
  switch (rule.kind) {
    case "procedure":
    case "auth_age": {
      const slot = procedures.slot(rule.pattern);
      return (facts) => (facts.matchesPattern(slot) ? matched : null);
    }
    case "amount": {
      const test = amountTest(rule);
      return (facts) => (test(facts.context) ? matched : null);
    }
    case "resource": {
      const test = resourceTest(rule);
      return (facts) => (test(facts.context) ? matched : null);
    }
    case "risk": {
      const minScore = rule.minScore;
      return (facts) => (facts.context.risk >= minScore ? matched : null);
    }
    case "condition":
      return conditionRule(
        rule,
        matched,
        matchedRule(policy, rule, ruleIndex, () => CONDITION_FAILED),
      );
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
