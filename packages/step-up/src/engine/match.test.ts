import { describe, expect, it } from "vitest";
import { matchRule, matchesProcedure, policyApplies } from "./match";
import { ruleSchema, type Rule } from "./rules";
import type { CallContext } from "./types";
import { makeContext, makePolicy } from "./test-fixtures";

const USD = (value: number) => ({ value, currency: "USD" });
const rule = (raw: unknown): Rule => ruleSchema.parse(raw);

describe("procedure globs (dot is the separator)", () => {
  it.each([
    ["account.*", "account.delete", true],
    ["account.*", "accounts.x", false],
    ["account.*", "account.a.b", false],
    ["account.*", "account", false],
    ["account.**", "account.a.b", true],
    ["**", "transfers.create", true],
    ["*", "transfers.create", false],
    ["*.delete", "account.delete", true],
    ["*.delete", "account.deleteAll", false],
    ["account.{delete,close}", "account.close", true],
    ["transfers.create", "transfers.create", true],
    ["transfers.create", "transfers.createDraft", false],
    ["Account.*", "account.delete", false],
  ])("%s on %s → %s", (pattern, procedure, expected) => {
    expect(matchesProcedure(pattern, procedure)).toBe(expected);
  });

  it.each([
    ["procedure", { kind: "procedure", pattern: "account.*", level: "high" }],
    ["auth_age", { kind: "auth_age", pattern: "account.*", maxAgeSeconds: 60, level: "medium" }],
  ])("a %s rule matches through the glob", (_kind, raw) => {
    expect(matchRule(rule(raw), makeContext({ procedure: "account.delete" })).matched).toBe(true);
    expect(matchRule(rule(raw), makeContext({ procedure: "accounts.delete" })).matched).toBe(false);
  });
});

describe("amount rules", () => {
  const band = rule({ kind: "amount", min: 1000, max: 10_000, currency: "USD", level: "high" });
  it.each<[string, Rule, CallContext["amount"], boolean]>([
    ["below min", band, USD(999.99), false],
    ["at min (inclusive)", band, USD(1000), true],
    ["just under max", band, USD(9999.99), true],
    ["at max (exclusive)", band, USD(10_000), false],
    ["another currency", band, { value: 5000, currency: "EUR" }, false],
    ["no amount on the call", band, undefined, false],
    [
      "any currency when none is set",
      rule({ kind: "amount", min: 1000, level: "high" }),
      { value: 5000, currency: "EUR" },
      true,
    ],
    ["an unbounded rule on zero", rule({ kind: "amount", level: "medium" }), USD(0), true],
    ["an unbounded rule without an amount", rule({ kind: "amount", level: "medium" }), undefined, false],
    ["a max-only rule under max", rule({ kind: "amount", max: 100, level: "medium" }), USD(99.99), true],
    ["a max-only rule at max", rule({ kind: "amount", max: 100, level: "medium" }), USD(100), false],
  ])("%s", (_title, amountRule, amount, expected) => {
    expect(matchRule(amountRule, makeContext({ amount })).matched).toBe(expected);
  });

  it("the schema refuses min >= max", () => {
    expect(ruleSchema.safeParse({ kind: "amount", min: 10, max: 10, level: "high" }).success).toBe(false);
  });
});

describe("resource rules", () => {
  it.each([
    ["api_key", "delete", { type: "api_key", action: "delete" }, true],
    ["api_key", "delete", { type: "api_key", action: "create" }, false],
    ["api_key", "delete", { type: "user", action: "delete" }, false],
    ["*", "delete", { type: "user", action: "delete" }, true],
    ["api_key", "*", { type: "api_key", action: "create" }, true],
    ["api_key", "*", { type: "user", action: "create" }, false],
    ["*", "*", { type: "anything", action: "read" }, true],
    ["*", "*", undefined, false],
  ])("%s/%s on %o → %s", (resource, action, callResource, expected) => {
    const resourceRule = rule({ kind: "resource", resource, action, level: "high" });
    expect(matchRule(resourceRule, makeContext({ resource: callResource })).matched).toBe(expected);
  });
});

describe("risk rules", () => {
  it.each([
    [0.8, 0.79, false],
    [0.8, 0.8, true],
    [0.8, 1, true],
    [0, 0, true],
  ])("threshold %s at risk %s → %s (inclusive)", (minScore, risk, expected) => {
    expect(matchRule(rule({ kind: "risk", minScore, level: "high" }), makeContext({ risk })).matched).toBe(expected);
  });
});

describe("condition rules (CEL)", () => {
  const RISKY_AND_LARGE = "risk > 0.8 && amount.value > 1000";
  it.each<[string, string, Partial<CallContext>, boolean]>([
    ["risky and large", RISKY_AND_LARGE, { risk: 0.9, amount: USD(5000) }, true],
    ["risk not above 0.8", RISKY_AND_LARGE, { risk: 0.8, amount: USD(5000) }, false],
    ["amount not above 1000", RISKY_AND_LARGE, { risk: 0.9, amount: USD(1000) }, false],
    ["no amount reads as zero", RISKY_AND_LARGE, { risk: 0.9, amount: undefined }, false],
    ["currency check", "hasAmount && amount.currency == 'EUR'", { amount: { value: 1, currency: "EUR" } }, true],
    ["hasAmount without an amount", "hasAmount", { amount: undefined }, false],
    ["procedure prefix", "procedure.startsWith('admin.')", { procedure: "admin.users.delete" }, true],
    [
      "resource fields",
      "resource.type == 'api_key' && resource.action == 'delete'",
      { resource: { type: "api_key", action: "delete" } },
      true,
    ],
    ["organization", "organizationId == 'org-2'", { organizationId: null }, false],
    ["code minimum", "minimumLevel == 'high'", { minimumLevel: "high" }, true],
  ])("%s", (_title, expression, context, expected) => {
    const outcome = matchRule(rule({ kind: "condition", expression, level: "high" }), makeContext(context));
    expect(outcome).toEqual(expected ? { matched: true } : { matched: false });
  });

  it.each([
    ["a missing map key", "amount.missing > 1"],
    ["a division by zero", "1 / 0 == 1"],
    ["a failed conversion", "int(procedure) > 0"],
    ["an unknown variable", "user.role == 'admin'"],
    ["a syntax error", "risk > ("],
    ["a non-boolean result", "amount.value"],
  ])("fails closed: %s counts as a match", (_title, expression) => {
    const outcome = matchRule({ kind: "condition", expression, level: "critical" }, makeContext({ amount: USD(5) }));
    expect(outcome).toEqual({ matched: true, note: "condition could not be evaluated" });
  });
});

describe("policy scoping", () => {
  const ctx = makeContext({ userId: "user-1", organizationId: "org-1" });
  it.each([
    ["a global policy", {}, ctx, true],
    ["a global policy for a user without an organization", {}, makeContext({ organizationId: null }), true],
    ["the user's organization", { organizationId: "org-1" }, ctx, true],
    ["another organization", { organizationId: "org-2" }, ctx, false],
    [
      "an organization policy for a user without an organization",
      { organizationId: "org-1" },
      makeContext({ organizationId: null }),
      false,
    ],
    ["this user", { userId: "user-1" }, ctx, true],
    ["another user", { userId: "user-2" }, ctx, false],
    ["this user in their organization", { organizationId: "org-1", userId: "user-1" }, ctx, true],
    ["this user in another organization", { organizationId: "org-2", userId: "user-1" }, ctx, false],
    ["a disabled global policy", { enabled: false }, ctx, false],
    ["a disabled policy for this user", { userId: "user-1", enabled: false }, ctx, false],
  ])("%s → %s", (_title, overrides, context, expected) => {
    expect(policyApplies(makePolicy([], overrides), context)).toBe(expected);
  });
});
