import { maxLevel, type Level } from "./levels";
import { matchesProcedure } from "./match";
import type { Rule } from "./rules";
import type { PolicySnapshot } from "./types";

/** What is known about a procedure without a call: its path and what its declaration extracts. */
export interface ProcedureShape {
  path: string;
  hasAmount: boolean;
  /** A fixed resource, "dynamic" when computed from the input, null when none is declared. */
  resource: { type: string; action: string } | "dynamic" | null;
}

export interface Reach {
  /** Highest level any enforced rule could give a call of this procedure. */
  level: Level;
  /** Highest level from rules that name this path (procedure / auth_age patterns). */
  namedLevel: Level;
}

/**
 * The most the given policies can demand of a procedure, for the admin procedures page. Risk and
 * condition rules depend on the call, so they count as "could match" (an upper bound). Report-only
 * and disabled policies demand nothing. Pure; the caller picks the policies in scope.
 */
export function reachOfPolicies(shape: ProcedureShape, policies: readonly PolicySnapshot[]): Reach {
  let level: Level = "none";
  let namedLevel: Level = "none";
  for (const policy of policies) {
    if (!policy.enabled || policy.mode !== "enforce") continue;
    for (const rule of policy.rules) {
      if (namesPath(rule, shape.path)) namedLevel = maxLevel(namedLevel, rule.level);
      if (couldMatch(rule, shape)) level = maxLevel(level, rule.level);
    }
  }
  return { level, namedLevel };
}

function namesPath(rule: Rule, path: string): boolean {
  return (rule.kind === "procedure" || rule.kind === "auth_age") && matchesProcedure(rule.pattern, path);
}

function couldMatch(rule: Rule, shape: ProcedureShape): boolean {
  switch (rule.kind) {
    case "procedure":
    case "auth_age":
      return matchesProcedure(rule.pattern, shape.path);
    case "amount":
      return shape.hasAmount;
    case "resource":
      return shape.resource === "dynamic" || (shape.resource !== null && resourceMatches(rule, shape.resource));
    case "risk":
    case "condition":
      return true;
    default:
      return assertNever(rule);
  }
}

function resourceMatches(
  rule: Extract<Rule, { kind: "resource" }>,
  resource: { type: string; action: string },
): boolean {
  return (
    (rule.resource === "*" || rule.resource === resource.type) &&
    (rule.action === "*" || rule.action === resource.action)
  );
}

function assertNever(value: never): never {
  throw new Error(`Unhandled rule kind: ${JSON.stringify(value)}`);
}
