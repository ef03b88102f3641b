import { describe, expect, it } from "vitest";
import { amountTiers } from "./amount-tiers";
import { rulesSchema, type PolicySnapshot, type Rule } from "./index";

function policy(rules: Rule[], overrides: Partial<PolicySnapshot> = {}): PolicySnapshot {
  return {
    id: "p",
    name: "p",
    organizationId: null,
    userId: null,
    priority: 0,
    enabled: true,
    mode: "enforce",
    rules: rulesSchema.parse(rules),
    ...overrides,
  };
}

const scope = { currency: "USD", organizationId: "acme", userId: "u1" };
const demo = policy([
  { kind: "amount", currency: "USD", max: 1000, level: "medium" },
  { kind: "amount", currency: "USD", min: 1000, max: 10_000, level: "high" },
  { kind: "amount", currency: "USD", min: 10_000, level: "critical" },
  { kind: "amount", currency: "EUR", min: 1, level: "critical" },
]);

describe("amountTiers", () => {
  it("reads the bands of the amount rules for the currency", () => {
    expect(amountTiers([demo], scope)).toEqual([
      { from: null, to: 1000, level: "medium" },
      { from: 1000, to: 10_000, level: "high" },
      { from: 10_000, to: null, level: "critical" },
    ]);
  });

  it("takes the highest level where rules overlap, merges equal neighbours, and skips bands without a rule", () => {
    const org = policy([{ kind: "amount", currency: "USD", min: 500, max: 2000, level: "critical" }], {
      organizationId: "acme",
    });
    expect(amountTiers([demo, org], scope)).toEqual([
      { from: null, to: 500, level: "medium" },
      { from: 500, to: 2000, level: "critical" },
      { from: 2000, to: 10_000, level: "high" },
      { from: 10_000, to: null, level: "critical" },
    ]);
    const gap = policy([
      { kind: "amount", min: 100, max: 200, level: "high" },
      { kind: "amount", min: 200, max: 300, level: "high" },
    ]);
    expect(amountTiers([gap], scope)).toEqual([{ from: 100, to: 300, level: "high" }]);
  });

  it("ignores disabled, report-only and other organizations' or users' policies", () => {
    const rules: Rule[] = [{ kind: "amount", min: 1, level: "critical" }];
    const ignored = [
      policy(rules, { enabled: false }),
      policy(rules, { mode: "report_only" }),
      policy(rules, { organizationId: "globex" }),
      policy(rules, { userId: "u2" }),
    ];
    expect(amountTiers(ignored, scope)).toEqual([]);
    expect(amountTiers([policy(rules, { userId: "u1" })], scope)).toEqual([{ from: 1, to: null, level: "critical" }]);
  });
});
