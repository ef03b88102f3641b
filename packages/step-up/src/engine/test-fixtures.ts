import { METHODS, type MethodId, type StepUpLevel } from "./levels";
import type { Rule } from "./rules";
import type { CallContext, EvaluationInput, GrantSnapshot, PolicySnapshot } from "./types";

// Builders for the engine's unit tests. Kept pure (the boundary test scans this file too).

/** 2026-01-01T00:00:00Z: the injected clock; the engine never reads a real one. */
export const NOW = 1_767_225_600_000;
export const SECOND_MS = 1_000;

export const ALL_METHODS: ReadonlySet<MethodId> = new Set(METHODS);

export function makeContext(overrides: Partial<CallContext> = {}): CallContext {
  return {
    userId: "user-1",
    organizationId: "org-1",
    sessionId: "session-1",
    procedure: "transfers.create",
    input: {},
    risk: 0,
    minimumLevel: "low",
    ...overrides,
  };
}

export function makePolicy(rules: Rule[], overrides: Partial<PolicySnapshot> = {}): PolicySnapshot {
  return {
    id: "policy-1",
    name: "Test policy",
    organizationId: null,
    userId: null,
    priority: 0,
    enabled: true,
    mode: "enforce",
    rules,
    ...overrides,
  };
}

/** A grant verified `ageMs` before NOW in session-1. */
export function makeGrant(level: StepUpLevel, ageMs: number, overrides: Partial<GrantSnapshot> = {}): GrantSnapshot {
  return {
    id: `grant-${level}-${ageMs}`,
    sessionId: "session-1",
    level,
    verifiedAt: NOW - ageMs,
    callHash: null,
    consumedAt: null,
    ...overrides,
  };
}

export function makeInput(overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    context: makeContext(),
    policies: [],
    grants: [],
    device: null,
    availableMethods: ALL_METHODS,
    callHash: "call-1",
    now: NOW,
    ...overrides,
  };
}
