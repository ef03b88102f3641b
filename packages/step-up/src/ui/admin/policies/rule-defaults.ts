import type { Level } from "../../../engine/levels";
import type { Rule, RuleKind } from "../../../engine/rules";

/** Rule kinds in the order the editor shows them; words in the catalogue (admin.rules.<kind>.title/noun/hint). */
export const RULE_KINDS: ReadonlyArray<{ kind: RuleKind }> = [
  { kind: "procedure" },
  { kind: "amount" },
  { kind: "resource" },
  { kind: "auth_age" },
  { kind: "condition" },
  { kind: "risk" },
];

/** Levels a rule can require; "none" would never raise anything. */
export const RULE_LEVELS: readonly Level[] = ["low", "medium", "high", "critical"];

export function createRule(kind: RuleKind): Rule {
  switch (kind) {
    case "procedure":
      return { kind, pattern: "", level: "high" };
    case "amount":
      return { kind, min: 1000, level: "high" };
    case "resource":
      return { kind, resource: "", action: "", level: "high" };
    case "auth_age":
      return { kind, pattern: "", maxAgeSeconds: 300, level: "medium" };
    case "condition":
      return { kind, expression: "", level: "high" };
    case "risk":
      return { kind, minScore: 0.8, level: "high" };
    default:
      return assertNever(kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown rule kind ${String(value)}`);
}
