import {
  compilePolicies,
  DEFAULT_CONFIG,
  evaluate,
  rulesSchema,
  type EvaluationInput,
  type PolicySnapshot,
  type Rule,
} from "@/step-up/engine";

/** A realistic mix of every rule kind, numbered from `from`. */
function makeRules(count: number, from = 0): Rule[] {
  const rules: Rule[] = [];
  for (let i = from; i < from + count; i++) {
    const pick = i % 6;
    const level = (["medium", "high", "critical"] as const)[i % 3]!;
    if (pick === 0) rules.push({ kind: "procedure", pattern: `module${i}.*`, level });
    if (pick === 1) rules.push({ kind: "amount", currency: "USD", min: i * 100, max: i * 100 + 5000, level });
    if (pick === 2) rules.push({ kind: "resource", resource: `thing${i}`, action: "delete", level });
    if (pick === 3) rules.push({ kind: "auth_age", pattern: `module${i}.update`, maxAgeSeconds: 300, level });
    if (pick === 4) rules.push({ kind: "condition", expression: `risk > 0.8 && amount.value > ${1000 + i}`, level });
    if (pick === 5) rules.push({ kind: "risk", minScore: 0.9, level });
  }
  // A policy holds at most 100 rules (rulesSchema).
  return rules.flatMap((_, i) => (i % 100 === 0 ? rulesSchema.parse(rules.slice(i, i + 100)) : []));
}

/** `count` rules of every kind spread over 5 global policies. */
export function makePolicies(count: number): PolicySnapshot[] {
  const parsed = makeRules(count);
  const perPolicy = Math.ceil(parsed.length / 5);
  return Array.from({ length: 5 }, (_, p) =>
    policy(`p${p}`, null, p, parsed.slice(p * perPolicy, (p + 1) * perPolicy)),
  );
}

/**
 * `count` rules over `organizations` organizations, one policy each, plus the 5 global policies of
 * 10 rules: an organization's call can match only its own rules and the global ones.
 */
export function makeOrganizationPolicies(count: number, organizations: number): PolicySnapshot[] {
  const perOrganization = Math.ceil(count / organizations);
  return [
    ...makePolicies(10),
    ...Array.from({ length: organizations }, (_, o) =>
      policy(`org-policy-${o}`, `o${o}`, 10, makeRules(perOrganization, o * perOrganization)),
    ),
  ];
}

function policy(id: string, organizationId: string | null, priority: number, rules: Rule[]): PolicySnapshot {
  return { id, name: id, organizationId, userId: null, priority, enabled: true, mode: "enforce", rules };
}

export interface EngineFigures {
  /** Decisions per second, the median of the rounds. */
  median: number;
  /** Per decision, from batches of `BATCH` decisions (one decision is too short to time alone). */
  p50Us: number;
  p99Us: number;
  matched: number;
  compileMs: number;
}

const BATCH = 200;

/** Throughput and per-decision percentiles of `evaluate` on policies compiled once, after a warm-up for the JIT. */
export function benchEngine(policies: PolicySnapshot[], iterations: number, rounds = 5): EngineFigures {
  const compileStart = performance.now();
  const input = benchInput(policies);
  const compileMs = performance.now() - compileStart;
  for (let i = 0; i < iterations; i++) evaluate(input, DEFAULT_CONFIG); // warm-up
  const batches: number[] = [];
  const figures = Array.from({ length: rounds }, () => {
    const start = performance.now();
    for (let b = 0; b < iterations / BATCH; b++) {
      const batchStart = performance.now();
      for (let i = 0; i < BATCH; i++) evaluate(input, DEFAULT_CONFIG);
      batches.push(((performance.now() - batchStart) * 1000) / BATCH);
    }
    return iterations / ((performance.now() - start) / 1000);
  });
  batches.sort((a, b) => a - b);
  return {
    median: percentile(
      figures.sort((a, b) => a - b),
      0.5,
    ),
    p50Us: percentile(batches, 0.5),
    p99Us: percentile(batches, 0.99),
    matched: evaluate(input, DEFAULT_CONFIG).matchedRules.length,
    compileMs,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** A transfer of 2,500 USD by a user of organization o500 holding a fresh high grant: it passes. */
function benchInput(policies: PolicySnapshot[]): EvaluationInput {
  const now = Date.parse("2026-11-23T10:00:00Z");
  return {
    context: {
      userId: "u1",
      organizationId: "o500",
      sessionId: "s1",
      procedure: "transfers.create",
      input: { amount: 2500, currency: "USD", to: "Carol" },
      amount: { value: 2500, currency: "USD" },
      resource: { type: "transfer", action: "create" },
      risk: 0.2,
      minimumLevel: "low",
    },
    // Compiled once, as the server's policy cache does per revision (ADR 019).
    policies: compilePolicies(policies),
    grants: [{ id: "g1", sessionId: "s1", level: "high", verifiedAt: now - 60_000, callHash: null, consumedAt: null }],
    device: null,
    availableMethods: new Set(["password", "totp"]),
    callHash: "x",
    now,
  };
}
