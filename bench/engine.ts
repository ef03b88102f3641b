import {
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

export function benchEngine(ruleCount: number, iterations: number): number {
  const policies = makePolicies(ruleCount);
  const now = Date.parse("2026-11-23T10:00:00Z");
  const input: EvaluationInput = {
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
  for (let i = 0; i < 1000; i++) evaluate(input, DEFAULT_CONFIG); // warm-up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) evaluate(input, DEFAULT_CONFIG);
  return iterations / ((performance.now() - start) / 1000);
}
