import type { StepUpConfig } from "./config";
import { isAtLeast, isStepUpLevel, levelRank, maxLevel, type Level, type StepUpLevel } from "./levels";
import { matchRule, policyApplies } from "./match";
import { describeRule } from "./describe";
import { selectCombinations } from "./combinations";
import { enrollmentLevel } from "./enrollment-level";
import type { Decision, EvaluationInput, GrantSnapshot, MatchedRule, Satisfaction } from "./types";

/**
 * The whole step-up decision for one call: pure, no clock, no I/O.
 * Level = max(code minimum, every matching enforced rule); then grants, then remembered device.
 */
export function evaluate(input: EvaluationInput, config: StepUpConfig): Decision {
  const { context } = input;
  const { enforced, reportOnly } = collectMatches(input);
  const declared = maxLevel(context.minimumLevel, ...enforced.map((m) => m.level));
  const level = enrollmentLevel(declared, input, config);
  const wouldRequire = reportOnly.filter((m) => levelRank(m.level) > levelRank(level));
  const windowMs = effectiveWindow(level, enforced, config);
  const currentLevel = currentLevelOf(input, config);
  const base = { level, currentLevel, matchedRules: enforced, wouldRequire, windowMs };

  if (!isStepUpLevel(level)) {
    return {
      ...base,
      required: false,
      reason: "",
      methods: [],
      degraded: false,
      satisfiedBy: { kind: "not_required" },
      canRemember: false,
    };
  }
  const selection = selectCombinations(level, input.availableMethods, config);
  // Enrolling below the declared level proves less than it, like any degraded verification.
  const degraded = selection.degraded || (level !== declared && selection.combinations.length > 0);
  // A degraded verification proves less than the level it grants, so it never vouches for a device:
  // a remembered device would otherwise carry that weaker proof at the full level for 24 hours.
  const canRemember =
    rememberable(input, config) && level !== "critical" && !degraded && context.risk < config.rememberDevice.maxRisk;
  const satisfiedBy = findSatisfaction(input, level, windowMs, config);
  return {
    ...base,
    required: satisfiedBy === null,
    reason: `${context.action ?? "This action"} requires ${level} assurance`,
    methods: selection.combinations,
    degraded,
    satisfiedBy,
    canRemember,
  };
}

function collectMatches(input: EvaluationInput): { enforced: MatchedRule[]; reportOnly: MatchedRule[] } {
  const enforced: MatchedRule[] = [];
  const reportOnly: MatchedRule[] = [];
  const policies = input.policies
    .filter((p) => policyApplies(p, input.context))
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const policy of policies) {
    policy.rules.forEach((rule, ruleIndex) => {
      const outcome = matchRule(rule, input.context);
      if (!outcome.matched) return;
      const matched: MatchedRule = {
        policyId: policy.id,
        policyName: policy.name,
        ruleIndex,
        kind: rule.kind,
        level: rule.level,
        description: outcome.note ?? rule.description ?? describeRule(rule),
        ...(rule.kind === "auth_age" ? { maxAgeMs: rule.maxAgeSeconds * 1000 } : {}),
      };
      (policy.mode === "report_only" ? reportOnly : enforced).push(matched);
    });
  }
  return { enforced, reportOnly };
}

/** The level's default window, tightened (never widened) by matching auth_age rules. */
function effectiveWindow(level: Level, matches: MatchedRule[], config: StepUpConfig): number {
  if (!isStepUpLevel(level)) return 0;
  const limits = matches.flatMap((m) => (m.maxAgeMs === undefined ? [] : [m.maxAgeMs]));
  return Math.min(config.levels[level].windowMs, ...limits);
}

function isFresh(grant: GrantSnapshot, windowMs: number, now: number, config: StepUpConfig): boolean {
  const age = now - grant.verifiedAt;
  // The grace period is clock tolerance on both sides: a grant "from the future" is allowed only that far.
  return age >= -config.gracePeriodMs && age <= windowMs + config.gracePeriodMs;
}

/** Highest level this session holds right now from reusable (non-critical) grants. */
function currentLevelOf(input: EvaluationInput, config: StepUpConfig): Level {
  let current: Level = "low";
  for (const grant of usableGrants(input)) {
    for (const level of ["medium", "high"] as const) {
      if (
        isAtLeast(grant.level, level) &&
        grant.level !== "critical" &&
        isFresh(grant, config.levels[level].windowMs, input.now, config)
      ) {
        current = maxLevel(current, level);
      }
    }
  }
  return current;
}

function usableGrants(input: EvaluationInput): GrantSnapshot[] {
  // Grants are bound to the session that earned them.
  return input.grants.filter((g) => g.sessionId === input.context.sessionId && g.consumedAt === null);
}

function findSatisfaction(
  input: EvaluationInput,
  level: StepUpLevel,
  windowMs: number,
  config: StepUpConfig,
): Satisfaction | null {
  const grants = usableGrants(input);
  // A critical grant is bound to one call and used once (dynamic linking). It satisfies that call even
  // if the call's level has dropped since (risk or policy changed), never any other call.
  const criticalWindowMs = Math.min(windowMs, config.levels.critical.windowMs);
  const bound = grants.find(
    (g) => g.level === "critical" && g.callHash === input.callHash && isFresh(g, criticalWindowMs, input.now, config),
  );
  if (bound) return { kind: "grant", grantId: bound.id, consume: true };
  if (level === "critical") return null;
  const grant = grants
    .filter((g) => g.level !== "critical" && isAtLeast(g.level, level) && isFresh(g, windowMs, input.now, config))
    .sort((a, b) => b.verifiedAt - a.verifiedAt)[0];
  if (grant) return { kind: "grant", grantId: grant.id, consume: false };
  const device = input.device;
  // Checked after the rules and never for critical or a risky call (a peer’s mistake, docs/design.md).
  if (
    device &&
    rememberable(input, config) &&
    device.expiresAt > input.now &&
    isAtLeast(device.level, level) &&
    input.context.risk < config.rememberDevice.maxRisk
  ) {
    return { kind: "device", deviceId: device.id };
  }
  return null;
}

/** Remembered devices are on, and this call is not a credential or admin change that declared them off. */
function rememberable(input: EvaluationInput, config: StepUpConfig): boolean {
  return config.rememberDevice.enabled && input.context.remember !== false;
}
