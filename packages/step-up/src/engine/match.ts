import picomatch from "picomatch";
import { evaluateCondition } from "./condition";
import type { Rule } from "./rules";
import type { CallContext, PolicySnapshot } from "./types";

export type RuleOutcome = { matched: false } | { matched: true; note?: string };

const NO_MATCH: RuleOutcome = { matched: false };
const MATCH: RuleOutcome = { matched: true };

// tRPC paths use dots, so a dot is the glob separator: `account.*` matches `account.delete`.
const globCache = new Map<string, (path: string) => boolean>();

export function matchesProcedure(pattern: string, procedure: string): boolean {
  return procedureMatcher(pattern)(procedure);
}

/** The glob of one pattern, built once per pattern (compiled policies hold on to it). */
export function procedureMatcher(pattern: string): (procedure: string) => boolean {
  let matcher = globCache.get(pattern);
  if (!matcher) {
    const glob = picomatch(pattern.replaceAll(".", "/"), { dot: true, nocase: false });
    matcher = (path: string) => glob(path.replaceAll(".", "/"));
    globCache.set(pattern, matcher);
  }
  return matcher;
}

/** Does one rule apply to this call? Pure; a condition that cannot be evaluated counts as a match (fail closed). */
export function matchRule(rule: Rule, context: CallContext): RuleOutcome {
  switch (rule.kind) {
    case "procedure":
      return matchesProcedure(rule.pattern, context.procedure) ? MATCH : NO_MATCH;
    case "auth_age":
      return matchesProcedure(rule.pattern, context.procedure) ? MATCH : NO_MATCH;
    case "amount":
      return matchAmount(rule, context) ? MATCH : NO_MATCH;
    case "resource":
      return matchResource(rule, context) ? MATCH : NO_MATCH;
    case "risk":
      return context.risk >= rule.minScore ? MATCH : NO_MATCH;
    case "condition":
      try {
        return evaluateCondition(rule.expression, context) ? MATCH : NO_MATCH;
      } catch {
        return { matched: true, note: "condition could not be evaluated" };
      }
    default:
      return assertNever(rule);
  }
}

function matchAmount(rule: Extract<Rule, { kind: "amount" }>, context: CallContext): boolean {
  const amount = context.amount;
  if (!amount) return false;
  if (rule.currency && rule.currency !== amount.currency) return false;
  if (rule.min !== undefined && amount.value < rule.min) return false;
  if (rule.max !== undefined && amount.value >= rule.max) return false;
  return true;
}

function matchResource(rule: Extract<Rule, { kind: "resource" }>, context: CallContext): boolean {
  const resource = context.resource;
  if (!resource) return false;
  return (
    (rule.resource === "*" || rule.resource === resource.type) &&
    (rule.action === "*" || rule.action === resource.action)
  );
}

/** Policies that apply to this user in this organization: global, the org's own, and per-user ones. */
export function policyApplies(policy: PolicySnapshot, context: CallContext): boolean {
  if (!policy.enabled) return false;
  if (policy.organizationId !== null && policy.organizationId !== context.organizationId) return false;
  if (policy.userId !== null && policy.userId !== context.userId) return false;
  return true;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled rule kind: ${JSON.stringify(value)}`);
}
