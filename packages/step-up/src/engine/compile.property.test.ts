import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePolicies } from "./compile";
import { DEFAULT_CONFIG } from "./config";
import { describeRule } from "./describe";
import { evaluate } from "./evaluate";
import { LEVELS, METHODS } from "./levels";
import { matchRule, policyApplies } from "./match";
import type { Rule } from "./rules";
import type { CallContext, EvaluationInput, MatchedRule, PolicySnapshot } from "./types";
import { NOW, makeContext, makeGrant, makePolicy } from "./test-fixtures";

// The compiled form must decide exactly as the rules read one by one (match.ts, describe.ts). Unlike
// evaluate.property.test.ts, rules here are arbitrary (bands, odd globs, broken conditions, NaN amounts),
// and one compiled snapshot serves many calls, as the server's cache does.

const level = fc.constantFrom(...LEVELS);
const number = fc.oneof(
  fc.constantFrom(0, 100, 1000, 5000, Number.NaN),
  fc.double({ min: 0, max: 20_000, noNaN: true }),
);
const currency = fc.option(fc.constantFrom("USD", "EUR", ""), { nil: undefined });
const procedure = fc.constantFrom(
  "transfers.create",
  "transfers.createDraft",
  "transfers",
  "account.delete",
  "account.a.b",
  "account/delete",
  "Account.delete",
  ".hidden",
  "",
);
const pattern = fc.constantFrom(
  "transfers.create",
  "transfers.*",
  "transfers.**",
  "account.{delete,close}",
  "*.delete",
  "*",
  "**",
  "account/delete",
  "!(account).*",
  "transfers.create?",
);
const expression = fc.constantFrom(
  "risk > 0.5",
  "amount.value >= 1000 && amount.currency == 'USD'",
  "hasResource && resource.action == 'delete'",
  "procedure.startsWith('account.')",
  "organizationId == 'org-1' || minimumLevel == 'high'",
  "amount.value",
  "amount.nope > 1",
  "risk >",
  // Guarded by the risk score (compile-guard.ts): the index runs them only above their bound.
  "risk > 0.5 && amount.nope > 1",
  "amount.value >= 1000 && risk >= 0.25",
  "risk > 0.5 && risk >= 0.75 && hasAmount",
  "risk >= 0.5 && amount.value",
  "risk > 0.5 && procedure",
  "risk > 1 || hasResource",
  "(risk > 0.75 && hasAmount) || risk >= 0.9",
  "risk >= 1 && !hasAmount",
);
const organization = fc.constantFrom(null, "org-1", "org-2", "org-3", "org-4", "org-5");
const user = fc.constantFrom(null, "user-1", "user-2", "user-3");

const rule: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({ kind: fc.constant("procedure" as const), pattern, level }),
  fc.record({
    kind: fc.constant("auth_age" as const),
    pattern,
    maxAgeSeconds: fc.integer({ min: 1, max: 86_400 }),
    level,
  }),
  fc.record(
    { kind: fc.constant("amount" as const), min: number, max: number, currency, level },
    { requiredKeys: ["kind", "level"] },
  ),
  fc.record({
    kind: fc.constant("resource" as const),
    resource: fc.constantFrom("*", "account", "transfer"),
    action: fc.constantFrom("*", "delete", "create"),
    level,
  }),
  fc.record({ kind: fc.constant("condition" as const), expression, level }),
  fc.record({
    kind: fc.constant("risk" as const),
    minScore: fc.oneof(fc.constantFrom(0, 0.5, 0.75, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    level,
  }),
  fc.record({ kind: fc.constant("procedure" as const), pattern, level, description: fc.constant("Custom text") }),
);

const policies: fc.Arbitrary<PolicySnapshot[]> = fc
  .array(
    fc.record({
      id: fc.constantFrom("a", "b", "c", "d"),
      organizationId: organization,
      userId: user,
      priority: fc.integer({ min: 0, max: 3 }),
      enabled: fc.boolean(),
      mode: fc.constantFrom("enforce" as const, "report_only" as const),
      rules: fc.array(rule, { maxLength: 5 }),
    }),
    { maxLength: 8 },
  )
  .map((list) => list.map((p, i) => makePolicy(p.rules, { ...p, name: `Policy ${i}` })));

const context: fc.Arbitrary<CallContext> = fc
  .record({
    procedure,
    organizationId: organization,
    userId: fc.constantFrom("user-1", "user-2", "user-3"),
    // The guards' bounds are mixed in, so scores often sit exactly on one.
    risk: fc.oneof(fc.constantFrom(0, 0.25, 0.5, 0.75, 0.9, 1, Number.NaN), fc.double({ min: 0, max: 1, noNaN: true })),
    minimumLevel: level,
    amount: fc.option(fc.record({ value: number, currency: fc.constantFrom("USD", "EUR") }), { nil: undefined }),
    resource: fc.option(
      fc.record({ type: fc.constantFrom("account", "transfer"), action: fc.constantFrom("delete", "create") }),
      { nil: undefined },
    ),
  })
  .map((fields) => makeContext(fields));

/** The matches as evaluate found them before compiling: every applying policy, rule by rule. */
function referenceMatches(snapshots: PolicySnapshot[], call: CallContext, mode: PolicySnapshot["mode"]) {
  return snapshots
    .filter((p) => policyApplies(p, call) && p.mode === mode)
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id))
    .flatMap((policy) =>
      policy.rules.flatMap((rule, ruleIndex) => {
        const outcome = matchRule(rule, call);
        if (!outcome.matched) return [];
        return [
          {
            policyId: policy.id,
            policyName: policy.name,
            ruleIndex,
            kind: rule.kind,
            level: rule.level,
            description: outcome.note ?? rule.description ?? describeRule(rule),
            reason: rule.description,
            ...(rule.kind === "auth_age" ? { maxAgeMs: rule.maxAgeSeconds * 1000 } : {}),
          },
        ];
      }),
    );
}

const plain = (matches: MatchedRule[]) => matches.map((m) => ({ ...m }));

function inputFor(call: CallContext, snapshots: EvaluationInput["policies"]): EvaluationInput {
  return {
    context: call,
    policies: snapshots,
    grants: [makeGrant("high", 5 * 60_000), makeGrant("medium", 20 * 60_000)],
    device: { id: "device-1", level: "medium", expiresAt: NOW + 60_000 },
    availableMethods: new Set(METHODS),
    callHash: "call-1",
    now: NOW,
  };
}

describe("compiled policies", () => {
  it("match the same rules, in the same order, with the same descriptions, as rule-by-rule matching", () => {
    fc.assert(
      fc.property(policies, fc.array(context, { minLength: 1, maxLength: 6 }), (snapshots, calls) => {
        const compiled = compilePolicies(snapshots);
        for (const call of calls) {
          const decision = evaluate(inputFor(call, compiled), DEFAULT_CONFIG);
          expect(plain(decision.matchedRules)).toEqual(referenceMatches(snapshots, call, "enforce"));
          const reportOnly = referenceMatches(snapshots, call, "report_only");
          expect(plain(decision.wouldRequire)).toEqual(
            reportOnly.filter((m) => LEVELS.indexOf(m.level) > LEVELS.indexOf(decision.level)),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it("decide as plain snapshots do, call after call on one compiled snapshot", () => {
    fc.assert(
      fc.property(policies, fc.array(context, { minLength: 1, maxLength: 6 }), (snapshots, calls) => {
        const compiled = compilePolicies(snapshots);
        for (const call of calls) {
          expect(evaluate(inputFor(call, compiled), DEFAULT_CONFIG)).toEqual(
            evaluate(inputFor(call, snapshots), DEFAULT_CONFIG),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keep the snapshots as given and tell whether a rule reads the risk score", () => {
    const snapshots = [makePolicy([{ kind: "procedure", pattern: "**", level: "medium" }])];
    expect(compilePolicies(snapshots)).toMatchObject({ snapshots, usesRisk: false });
    const risky = [makePolicy([{ kind: "condition", expression: "risk > 0.5", level: "high" }], { enabled: false })];
    expect(compilePolicies(risky).usesRisk).toBe(true);
  });
});
