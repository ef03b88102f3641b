import { describe, expect, it } from "vitest";
import { reachOfPolicies, type ProcedureShape } from "./reach";
import { policyRulesSchema, type Rule } from "./rules";
import type { PolicySnapshot } from "./types";

function policy(rules: Rule[], overrides: Partial<PolicySnapshot> = {}): PolicySnapshot {
  return {
    id: "p",
    name: "P",
    organizationId: null,
    userId: null,
    priority: 0,
    enabled: true,
    mode: "enforce",
    rules,
    ...overrides,
  };
}

const plain: ProcedureShape = { path: "profile.update", hasAmount: false, resource: null };
const transfer: ProcedureShape = {
  path: "transfers.create",
  hasAmount: true,
  resource: { type: "transfer", action: "create" },
};

describe("reachOfPolicies: the most the policies can demand of a procedure", () => {
  it.each([
    [
      "a procedure rule naming the path",
      plain,
      [{ kind: "procedure", pattern: "profile.*", level: "high" }],
      { level: "high", namedLevel: "high" },
    ],
    [
      "a procedure rule for another path",
      plain,
      [{ kind: "procedure", pattern: "account.*", level: "high" }],
      { level: "none", namedLevel: "none" },
    ],
    [
      "an auth_age rule naming the path",
      plain,
      [{ kind: "auth_age", pattern: "profile.update", maxAgeSeconds: 60, level: "medium" }],
      { level: "medium", namedLevel: "medium" },
    ],
    [
      "an amount rule on a procedure without an amount",
      plain,
      [{ kind: "amount", min: 1, level: "critical" }],
      { level: "none", namedLevel: "none" },
    ],
    [
      "an amount rule on a procedure with one",
      transfer,
      [{ kind: "amount", min: 1, level: "critical" }],
      { level: "critical", namedLevel: "none" },
    ],
    [
      "a resource rule for the declared resource",
      transfer,
      [{ kind: "resource", resource: "transfer", action: "*", level: "high" }],
      { level: "high", namedLevel: "none" },
    ],
    [
      "a resource rule for another resource",
      transfer,
      [{ kind: "resource", resource: "user", action: "delete", level: "high" }],
      { level: "none", namedLevel: "none" },
    ],
    [
      "a resource computed from the input could match",
      { ...plain, resource: "dynamic" },
      [{ kind: "resource", resource: "user", action: "delete", level: "high" }],
      { level: "high", namedLevel: "none" },
    ],
    [
      "a risk rule could match any call",
      plain,
      [{ kind: "risk", minScore: 0.9, level: "high" }],
      { level: "high", namedLevel: "none" },
    ],
    [
      "a condition could match any call",
      plain,
      [{ kind: "condition", expression: "risk > 0.5", level: "medium" }],
      { level: "medium", namedLevel: "none" },
    ],
  ] as Array<[string, ProcedureShape, Rule[], { level: string; namedLevel: string }]>)(
    "%s",
    (_name, shape, rules, expected) => {
      expect(reachOfPolicies(shape, [policy(rules)])).toEqual(expected);
    },
  );

  it("disabled and report-only policies demand nothing; the highest rule wins", () => {
    const high: Rule[] = [{ kind: "procedure", pattern: "**", level: "high" }];
    expect(reachOfPolicies(plain, [policy(high, { enabled: false }), policy(high, { mode: "report_only" })])).toEqual({
      level: "none",
      namedLevel: "none",
    });
    expect(
      reachOfPolicies(plain, [policy([{ kind: "procedure", pattern: "**", level: "medium" }]), policy(high)]),
    ).toEqual({ level: "high", namedLevel: "high" });
  });
});

describe("policyRulesSchema: what an admin may save", () => {
  it("accepts valid rules and type-checks every condition, naming the rule's expression", () => {
    expect(
      policyRulesSchema.safeParse([
        { kind: "condition", expression: "risk > 0.8 && amount.value > 1000", level: "high" },
      ]).success,
    ).toBe(true);
    const bad = policyRulesSchema.safeParse([
      { kind: "procedure", pattern: "a.*", level: "high" },
      { kind: "condition", expression: "risk >", level: "high" },
    ]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path)).toEqual([[1, "expression"]]);
  });
});
