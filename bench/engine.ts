import {
  compilePolicies,
  DEFAULT_CONFIG,
  evaluate,
  rulesSchema,
  type EvaluationInput,
  type PolicySnapshot,
  type Rule,
} from "@/step-up/engine";

/** A realistic mix of every rule kind; `count` rules spread over 5 policies. */
export function makePolicies(count: number): PolicySnapshot[] {
  const rules: Rule[] = [];
  for (let i = 0; i < count; i++) {
    const pick = i % 6;
    const level = (["medium", "high", "critical"] as const)[i % 3]!;
    if (pick === 0) rules.push({ kind: "procedure", pattern: `module${i}.*`, level });
    if (pick === 1) rules.push({ kind: "amount", currency: "USD", min: i * 100, max: i * 100 + 5000, level });
    if (pick === 2) rules.push({ kind: "resource", resource: `thing${i}`, action: "delete", level });
    if (pick === 3) rules.push({ kind: "auth_age", pattern: `module${i}.update`, maxAgeSeconds: 300, level });
    if (pick === 4) rules.push({ kind: "condition", expression: `risk > 0.8 && amount.value > ${1000 + i}`, level });
    if (pick === 5) rules.push({ kind: "risk", minScore: 0.9, level });
  }
  const parsed = rulesSchema.parse(rules);
  const perPolicy = Math.ceil(parsed.length / 5);
  return Array.from({ length: 5 }, (_, p) => ({
    id: `p${p}`,
    name: `Policy ${p}`,
    organizationId: null,
    userId: null,
    priority: p,
    enabled: true,
    mode: "enforce" as const,
    rules: parsed.slice(p * perPolicy, (p + 1) * perPolicy),
  }));
}

/** Decisions per second: the median of `rounds` timed runs, after a warm-up long enough for the JIT. */
export function benchEngine(ruleCount: number, iterations: number, rounds = 5): { median: number; rounds: number[] } {
  const input = benchInput(ruleCount);
  for (let i = 0; i < iterations; i++) evaluate(input, DEFAULT_CONFIG); // warm-up
  const figures = Array.from({ length: rounds }, () => {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) evaluate(input, DEFAULT_CONFIG);
    return iterations / ((performance.now() - start) / 1000);
  });
  const sorted = [...figures].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, rounds: figures };
}

/** A transfer of 2,500 USD by a user holding a fresh high grant: matches two amount rules, passes. */
function benchInput(ruleCount: number): EvaluationInput {
  // Compiled once, as the server's policy cache does per revision (ADR 019).
  const policies = compilePolicies(makePolicies(ruleCount));
  const now = Date.parse("2026-11-23T10:00:00Z");
  return {
    context: {
      userId: "u1",
      organizationId: "o1",
      sessionId: "s1",
      procedure: "transfers.create",
      input: { amount: 2500, currency: "USD", to: "Carol" },
      amount: { value: 2500, currency: "USD" },
      resource: { type: "transfer", action: "create" },
      risk: 0.2,
      minimumLevel: "low",
    },
    policies,
    grants: [{ id: "g1", sessionId: "s1", level: "high", verifiedAt: now - 60_000, callHash: null, consumedAt: null }],
    device: null,
    availableMethods: new Set(["password", "totp"]),
    callHash: "x",
    now,
  };
}
