import type { Combination, Level, MethodId, StepUpLevel } from "./levels";
import type { Rule } from "./rules";
import type { CompiledPolicies } from "./compile";

/** Everything the engine knows about one call. Built by the middleware; plain data only. */
export interface CallContext {
  userId: string;
  organizationId: string | null;
  sessionId: string;
  /** tRPC path, e.g. "transfers.create". */
  procedure: string;
  /** Parsed input (already validated by the procedure's zod schema). */
  input: unknown;
  amount?: { value: number; currency: string } | undefined;
  resource?: { type: string; action: string } | undefined;
  /** 0 (no risk) to 1 (certain attack). */
  risk: number;
  /** Minimum level declared by the procedure's own code. */
  minimumLevel: Level;
  /** Human description of the action, e.g. "Transferring 5,000.00 USD". */
  action?: string | undefined;
  /**
   * False for credential and admin changes (the procedure's declaration): no remembered device
   * stands in for their verification, and their verification remembers none. Absent means true.
   */
  remember?: boolean | undefined;
  /** The call adds a factor: see `enrollmentLevel` (ADR 011). */
  enrollment?: boolean | undefined;
}

export interface PolicySnapshot {
  id: string;
  name: string;
  organizationId: string | null;
  userId: string | null;
  priority: number;
  enabled: boolean;
  mode: "enforce" | "report_only";
  rules: Rule[];
}

export interface GrantSnapshot {
  id: string;
  sessionId: string;
  level: StepUpLevel;
  /** epoch milliseconds */
  verifiedAt: number;
  /** Critical grants only: the call they were earned for. */
  callHash: string | null;
  consumedAt: number | null;
}

export interface RememberedDeviceSnapshot {
  id: string;
  /** Highest level the device was verified at (never critical). */
  level: StepUpLevel;
  expiresAt: number;
}

export interface MatchedRule {
  policyId: string;
  policyName: string;
  ruleIndex: number;
  kind: Rule["kind"];
  level: Level;
  description: string;
  /** The reason the policy's author wrote for users ("Reason shown to the user"), when there is one. */
  readonly reason?: string | undefined;
  /** Extra window limit in ms from an auth_age rule. */
  maxAgeMs?: number;
}

export type Satisfaction =
  | { kind: "not_required" }
  | { kind: "grant"; grantId: string; consume: boolean }
  | { kind: "device"; deviceId: string };

export interface Decision {
  /** True when the call must be refused until a requirement is fulfilled. */
  required: boolean;
  level: Level;
  currentLevel: Level;
  matchedRules: MatchedRule[];
  /** Rules from report-only policies that would have raised the level. */
  wouldRequire: MatchedRule[];
  reason: string;
  /** Combinations this user can complete for `level` (may be degraded). */
  methods: Combination[];
  degraded: boolean;
  /** Freshness window that applies to `level`, after auth_age rules. */
  windowMs: number;
  satisfiedBy: Satisfaction | null;
  canRemember: boolean;
}

export interface EvaluationInput {
  context: CallContext;
  /** Compiled once per snapshot by the server (`compilePolicies`); plain snapshots are compiled per call. */
  policies: PolicySnapshot[] | CompiledPolicies;
  grants: GrantSnapshot[];
  device: RememberedDeviceSnapshot | null;
  /** Methods the user has enrolled and the server can verify. */
  availableMethods: ReadonlySet<MethodId>;
  /** sha256(procedure + canonical JSON input); only needed for critical. */
  callHash: string;
  now: number;
}
