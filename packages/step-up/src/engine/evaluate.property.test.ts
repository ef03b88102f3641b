import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "./config";
import { evaluate } from "./evaluate";
import { LEVELS, METHODS, STEP_UP_LEVELS, isStepUpLevel, levelRank, type Level } from "./levels";
import { ruleSchema, type Rule } from "./rules";
import type { EvaluationInput, GrantSnapshot, PolicySnapshot } from "./types";
import { NOW, makeContext, makePolicy } from "./test-fixtures";

// Monotonicity: more money, more risk or an older verification never makes a call easier.
// Amount rules here are upward-closed (min only) or seed-like tiers whose bands are covered by a
// higher tier: a lone `max` band is non-monotone by construction and is the policy author's choice.

const GRACE = DEFAULT_CONFIG.gracePeriodMs;
const HOUR = 3_600_000;

const level = fc.constantFrom(...LEVELS);
const risk = fc.double({ min: 0, max: 1, noNaN: true });
// Tier boundaries are mixed in so thresholds and amounts often meet at the interesting edges.
const amountValue = fc.oneof(
  fc.constantFrom(0, 99.99, 100, 500, 999.99, 1000, 5000, 9999.99, 10_000, 250_000),
  fc.integer({ min: 0, max: 100_000_000 }).map((cents) => cents / 100),
);
const currency = fc.constantFrom("USD", "EUR", "JPY");
const pattern = fc.constantFrom("transfers.*", "transfers.create", "account.*", "**");

/** Mirrors prisma/seed-data.ts "Payment amounts": under 1,000 medium, to 10,000 high, then critical. */
const SEED_AMOUNT_TIERS: Rule[] = ["USD", "EUR"].flatMap((currency): Rule[] => [
  { kind: "amount", currency, max: 1000, level: "medium" },
  { kind: "amount", currency, min: 1000, max: 10_000, level: "high" },
  { kind: "amount", currency, min: 10_000, level: "critical" },
]);

const monotoneCondition = fc.oneof(
  risk.map((r) => `risk >= ${r.toFixed(3)}`),
  amountValue.map((a) => `amount.value > ${a.toFixed(2)}`),
  fc.tuple(risk, amountValue).map(([r, a]) => `risk > ${r.toFixed(3)} && amount.value >= ${a.toFixed(2)}`),
  fc
    .tuple(risk, amountValue)
    .map(([r, a]) => `risk > ${r.toFixed(3)} || (hasAmount && amount.value > ${a.toFixed(2)})`),
  risk.map((r) => `procedure.startsWith('transfers.') && risk >= ${r.toFixed(3)}`),
);

const rule: fc.Arbitrary<Rule> = fc
  .oneof(
    fc.record({
      kind: fc.constant("amount"),
      min: amountValue,
      currency: fc.option(currency, { nil: undefined }),
      level,
    }),
    fc.record({ kind: fc.constant("risk"), minScore: risk, level }),
    fc.record({ kind: fc.constant("condition"), expression: monotoneCondition, level }),
    fc.record({ kind: fc.constant("procedure"), pattern, level }),
    fc.record({ kind: fc.constant("auth_age"), pattern, maxAgeSeconds: fc.integer({ min: 1, max: 86_400 }), level }),
    fc.record({
      kind: fc.constant("resource"),
      resource: fc.constantFrom("*", "account"),
      action: fc.constantFrom("*", "transfer"),
      level,
    }),
  )
  .map((raw) => ruleSchema.parse(raw));

const policies: fc.Arbitrary<PolicySnapshot[]> = fc
  .array(
    fc.record({
      // Weighted so most generated policies apply to the call under test.
      organizationId: fc.constantFrom(null, null, "org-1", "org-2"),
      userId: fc.constantFrom(null, null, "user-1", "user-2"),
      priority: fc.integer({ min: 0, max: 10 }),
      enabled: fc.constantFrom(true, true, true, false),
      mode: fc.constantFrom("enforce" as const, "enforce" as const, "report_only" as const),
      rules: fc.array(rule, { maxLength: 4 }),
    }),
    { maxLength: 4 },
  )
  .map((random) => [
    makePolicy(SEED_AMOUNT_TIERS, { id: "seed", name: "Seed amount tiers" }),
    ...random.map((p, i) => makePolicy(p.rules, { ...p, id: `p${i}`, name: `Policy ${i}` })),
  ]);

/** Grants no older than "now + grace" (further in the future they are rejected, by design). */
function grants(callHash: fc.Arbitrary<string | null>): fc.Arbitrary<GrantSnapshot[]> {
  return fc
    .array(
      fc.record({
        sessionId: fc.constantFrom("session-1", "session-2"),
        level: fc.constantFrom(...STEP_UP_LEVELS),
        ageMs: fc.integer({ min: -GRACE, max: 2 * HOUR }),
        callHash,
        consumed: fc.boolean(),
      }),
      { maxLength: 4 },
    )
    .map((list) =>
      list.map(({ ageMs, consumed, ...g }, i) => ({
        ...g,
        id: `g${i}`,
        verifiedAt: NOW - ageMs,
        consumedAt: consumed ? NOW : null,
      })),
    );
}

function scenario(callHash: fc.Arbitrary<string | null>) {
  return fc.record({
    minimumLevel: level,
    policies,
    grants: grants(callHash),
    device: fc.option(
      fc.record({
        id: fc.constant("device-1"),
        level: fc.constantFrom("medium" as const, "high" as const),
        expiresAt: fc.integer({ min: NOW - HOUR, max: NOW + 24 * HOUR }),
      }),
      { nil: null },
    ),
    methods: fc.subarray([...METHODS]),
    risk,
    amount: amountValue,
    currency,
    procedure: fc.constantFrom("transfers.create", "account.delete", "settings.update"),
  });
}
type Scenario = ReturnType<typeof scenario> extends fc.Arbitrary<infer T> ? T : never;

function run(s: Scenario, changes: { amount?: number; risk?: number; olderBy?: number } = {}) {
  const input: EvaluationInput = {
    context: makeContext({
      procedure: s.procedure,
      minimumLevel: s.minimumLevel,
      risk: changes.risk ?? s.risk,
      amount: { value: changes.amount ?? s.amount, currency: s.currency },
    }),
    policies: s.policies,
    grants: s.grants.map((g) => ({ ...g, verifiedAt: g.verifiedAt - (changes.olderBy ?? 0) })),
    device: s.device,
    availableMethods: new Set(s.methods),
    callHash: "call-1",
    now: NOW,
  };
  return evaluate(input, DEFAULT_CONFIG);
}

const RUNS = { numRuns: 300 };
const atLeast = (a: Level, b: Level) => levelRank(a) >= levelRank(b);
const anyCall = fc.constantFrom(null, "call-1", "call-other");

describe("monotonicity of the decision", () => {
  it("a higher amount never lowers the level nor lifts a requirement", () => {
    fc.assert(
      fc.property(scenario(anyCall), amountValue, (s, extra) => {
        const lower = run(s);
        const higher = run(s, { amount: s.amount + extra });
        expect(atLeast(higher.level, lower.level)).toBe(true);
        if (lower.required) expect(higher.required).toBe(true);
      }),
      RUNS,
    );
  });

  it("a higher risk never lowers the level, lifts a requirement or allows remembering", () => {
    fc.assert(
      fc.property(scenario(anyCall), risk, (s, other) => {
        const [lowRisk, highRisk] = [Math.min(s.risk, other), Math.max(s.risk, other)];
        const lower = run(s, { risk: lowRisk });
        const higher = run(s, { risk: highRisk });
        expect(atLeast(higher.level, lower.level)).toBe(true);
        if (lower.required) expect(higher.required).toBe(true);
        // Below medium nothing is remembered because nothing is verified, so compare step-ups only.
        if (isStepUpLevel(lower.level) && !lower.canRemember) expect(higher.canRemember).toBe(false);
      }),
      RUNS,
    );
  });

  it("an older verification never lifts a requirement nor raises the current level", () => {
    fc.assert(
      fc.property(scenario(anyCall), fc.integer({ min: 0, max: 2 * HOUR }), (s, olderBy) => {
        const fresh = run(s);
        const older = run(s, { olderBy });
        expect(older.level).toBe(fresh.level);
        if (fresh.required) expect(older.required).toBe(true);
        expect(atLeast(fresh.currentLevel, older.currentLevel)).toBe(true);
      }),
      RUNS,
    );
  });

  it("an extra enforced policy never lowers the level", () => {
    fc.assert(
      fc.property(scenario(anyCall), fc.array(rule, { minLength: 1, maxLength: 4 }), (s, rules) => {
        const before = run(s);
        const after = run({ ...s, policies: [...s.policies, makePolicy(rules, { id: "extra" })] });
        expect(atLeast(after.level, before.level)).toBe(true);
        if (before.required) expect(after.required).toBe(true);
      }),
      RUNS,
    );
  });

  it("a report-only policy never changes the level", () => {
    fc.assert(
      fc.property(scenario(anyCall), fc.array(rule, { minLength: 1, maxLength: 4 }), (s, rules) => {
        const before = run(s);
        const after = run({ ...s, policies: [...s.policies, makePolicy(rules, { id: "trial", mode: "report_only" })] });
        expect(after.level).toBe(before.level);
        expect(after.required).toBe(before.required);
      }),
      RUNS,
    );
  });

  it("the level is never below the code's own minimum", () => {
    fc.assert(
      fc.property(scenario(anyCall), (s) => {
        expect(atLeast(run(s).level, s.minimumLevel)).toBe(true);
      }),
      RUNS,
    );
  });
});
