import type { Level } from "../../../engine/levels";
import type { Rule, RuleKind } from "../../../engine/rules";

/** Rule kinds in the order the editor shows them: section title, the noun for one rule, a hint. */
export const RULE_KINDS: ReadonlyArray<{ kind: RuleKind; title: string; noun: string; hint: string }> = [
  {
    kind: "procedure",
    title: "Procedure patterns",
    noun: "Procedure rule",
    hint: "Operations by name; * stands for any one part and ** for any number of parts, such as account.* or profile.update.",
  },
  {
    kind: "amount",
    title: "Amounts",
    noun: "Amount rule",
    hint: "Minimum is inclusive, maximum exclusive, in major units; no currency conversion.",
  },
  {
    kind: "resource",
    title: "Resources and actions",
    noun: "Resource rule",
    hint: "Use * for any resource or any action.",
  },
  {
    kind: "auth_age",
    title: "Authentication age",
    noun: "Auth-age rule",
    hint: "How recent the last verification must be for matching procedures.",
  },
  {
    kind: "condition",
    title: "Context conditions",
    noun: "Condition rule",
    hint: "A condition on the request, written in CEL, such as risk > 0.8 && amount.value > 1000.",
  },
  {
    kind: "risk",
    title: "Risk thresholds",
    noun: "Risk rule",
    hint: "Matches when the call’s risk score (0 to 1) is at least the threshold.",
  },
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
