import { describe, expect, it } from "vitest";
import { compilePolicies } from "./compile";
import { riskGuardOf } from "./compile-guard";
import { collectMatches } from "./compile-index";
import { matchRule } from "./match";
import type { Rule } from "./rules";
import type { CallContext } from "./types";
import { makeContext, makePolicy } from "./test-fixtures";

const matchedIndexes = (rules: Rule[], context: CallContext) =>
  collectMatches(compilePolicies([makePolicy(rules)]).rules, context).enforced.map((m) => m.ruleIndex);

/** What matchRule, rule by rule and without the index, finds. */
const referenceIndexes = (rules: Rule[], context: CallContext) =>
  rules.flatMap((rule, index) => (matchRule(rule, context).matched ? [index] : []));

describe("the rule index", () => {
  it.each([
    { expression: "risk >= 0.5 && hasAmount", risk: 0.5, matches: true },
    { expression: "risk > 0.5 && hasAmount", risk: 0.5, matches: false },
    { expression: "hasAmount && risk >= 0.25 && risk > 0.2", risk: 0.25, matches: true },
    { expression: "risk > 0.5 && amount.nope > 1", risk: 0.4, matches: false },
    { expression: "risk > 0.5 && amount.nope > 1", risk: 0.6, matches: true }, // fails closed
    { expression: "risk > 0.5 && procedure", risk: 0.1, matches: true }, // does not type-check: fails closed
  ])("runs `$expression` at risk $risk as CEL does (match: $matches)", ({ expression, risk, matches }) => {
    const rules: Rule[] = [{ kind: "condition", expression, level: "high" }];
    const context = makeContext({ risk, amount: { value: 10, currency: "USD" } });
    expect(matchedIndexes(rules, context)).toEqual(matches ? [0] : []);
    expect(referenceIndexes(rules, context)).toEqual(matches ? [0] : []);
  });

  it("reads a guard only from a top-level conjunct comparing risk with a number", () => {
    expect(riskGuardOf("risk > 0.5 && hasAmount")).toEqual({ value: 0.5, inclusive: false });
    expect(riskGuardOf("risk >= 1 && risk > 0.5")).toEqual({ value: 1, inclusive: true });
    expect(riskGuardOf("risk > 0.5 || hasAmount")).toBeNull();
    expect(riskGuardOf("!(risk > 0.5)")).toBeNull();
    expect(riskGuardOf("risk > 0.5 && procedure")).toBeNull();
  });

  it("reports matches in rule order whichever kind's list found them", () => {
    const rules: Rule[] = [
      { kind: "risk", minScore: 0.9, level: "critical" },
      { kind: "condition", expression: "risk >= 0.95", level: "high" },
      { kind: "amount", currency: "USD", min: 5, level: "high" },
      { kind: "procedure", pattern: "transfers.*", level: "medium" },
      { kind: "resource", resource: "*", action: "create", level: "medium" },
      { kind: "risk", minScore: 0.1, level: "medium" },
    ];
    const context = makeContext({
      procedure: "transfers.create",
      risk: 0.95,
      amount: { value: 10, currency: "USD" },
      resource: { type: "transfer", action: "create" },
    });
    expect(matchedIndexes(rules, context)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("visits only the call's organization's rules and the global ones", () => {
    const rule: Rule = { kind: "procedure", pattern: "**", level: "high" };
    const policies = compilePolicies([
      makePolicy([rule], { id: "global", organizationId: null }),
      makePolicy([rule], { id: "mine", organizationId: "org-1" }),
      makePolicy([rule], { id: "theirs", organizationId: "org-2" }),
      makePolicy([rule], { id: "someone", organizationId: "org-1", userId: "user-2" }),
    ]);
    const ids = (context: CallContext) => collectMatches(policies.rules, context).enforced.map((m) => m.policyId);
    expect(ids(makeContext({ organizationId: "org-1", userId: "user-1" }))).toEqual(["global", "mine"]);
    expect(ids(makeContext({ organizationId: "org-1", userId: "user-2" }))).toEqual(["global", "mine", "someone"]);
    expect(ids(makeContext({ organizationId: null }))).toEqual(["global"]);
  });
});
