import type { StepUpConfig } from "./config";
import { isAtLeast, isStepUpLevel, levelRank, maxLevel, type Level, type StepUpLevel } from "./levels";
import { compilePolicies, isCompiled } from "./compile";
import { collectMatches } from "./compile-index";
import { selectCombinations } from "./combinations";
import { enrollmentLevel } from "./enrollment-level";
import type { Decision, EvaluationInput, GrantSnapshot, MatchedRule, Satisfaction } from "./types";

/** Shared by every decision that needs nothing; frozen so no caller can change it for the others. */
const NOT_REQUIRED: Satisfaction = Object.freeze({ kind: "not_required" });

/**
 * The whole step-up decision for one call: pure, no clock, no I/O.
 * Level = max(code minimum, every matching enforced rule); then grants, then remembered device.
 * Runs on every protected call, so it loops where a spread or a chain of arrays would allocate (ADR 019).
 */
export function evaluate(input: EvaluationInput, config: StepUpConfig): Decision {
  const { context } = input;
  // Plain snapshots (tests, the simulator's draft) are compiled for this call; the server passes its cached form.
  const compiled = isCompiled(input.policies) ? input.policies : compilePolicies(input.policies);
  const { enforced, reportOnly } = collectMatches(compiled.rules, context);
  const declared = highestLevel(context.minimumLevel, enforced);
  const level = enrollmentLevel(declared, input, config);
  const wouldRequire = reportOnly.filter((m) => levelRank(m.level) > levelRank(level));
  const windowMs = effectiveWindow(level, enforced, config);
  const grants = usableGrants(input);
  const currentLevel = currentLevelOf(grants, input.now, config);

  if (!isStepUpLevel(level)) {
    return {
      level,
      currentLevel,
      matchedRules: enforced,
      wouldRequire,
      windowMs,
      required: false,
      reason: "",
      methods: [],
      degraded: false,
      satisfiedBy: NOT_REQUIRED,
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
  const satisfiedBy = findSatisfaction(input, grants, level, windowMs, config);
  return {
    level,
    currentLevel,
    matchedRules: enforced,
    wouldRequire,
    windowMs,
    required: satisfiedBy === null,
    reason: `${context.action ?? "This action"} ${CHECK_WORDS[level]}`,
    methods: selection.combinations,
    degraded,
    satisfiedBy,
    canRemember,
  };
}

/**
 * The reason's plain words for each level (the server's English; the dialog uses its catalogue). ASCII
 * only: the reason becomes the RFC 9470 challenge's `error_description` header (ADR 045).
 */
const CHECK_WORDS: Record<Level, string> = {
  none: "needs no check",
  low: "needs you to be signed in",
  medium: "needs a quick check that it's you",
  high: "needs a strong check that it's you",
  critical: "needs your approval, for this action only",
};

/** Same as `maxLevel(minimum, ...matches.map(m => m.level))`, without the two arrays. */
function highestLevel(minimum: Level, matches: readonly MatchedRule[]): Level {
  let highest = maxLevel(minimum);
  for (const match of matches) if (levelRank(match.level) > levelRank(highest)) highest = match.level;
  return highest;
}

/**
 * The author's reason of the first rule (priority order) that asks for the decision's level, for the
 * dialog; null when none wrote one. Called only for a refused call: reasons are read lazily (ADR 019).
 */
export function ruleReason(decision: Pick<Decision, "level" | "matchedRules">): string | null {
  for (const match of decision.matchedRules) if (match.level === decision.level && match.reason) return match.reason;
  return null;
}

/** The level's default window, tightened (never widened) by matching auth_age rules. */
function effectiveWindow(level: Level, matches: readonly MatchedRule[], config: StepUpConfig): number {
  if (!isStepUpLevel(level)) return 0;
  let windowMs = config.levels[level].windowMs;
  for (const match of matches) if (match.maxAgeMs !== undefined) windowMs = Math.min(windowMs, match.maxAgeMs);
  return windowMs;
}

function isFresh(grant: GrantSnapshot, windowMs: number, now: number, config: StepUpConfig): boolean {
  const age = now - grant.verifiedAt;
  // The grace period is clock tolerance on both sides: a grant "from the future" is allowed only that far.
  return age >= -config.gracePeriodMs && age <= windowMs + config.gracePeriodMs;
}

const REUSABLE_LEVELS = ["medium", "high"] as const;

/** Highest level this session holds right now from reusable (non-critical) grants. */
function currentLevelOf(grants: readonly GrantSnapshot[], now: number, config: StepUpConfig): Level {
  let current: Level = "low";
  for (const grant of grants) {
    if (grant.level === "critical") continue;
    for (const level of REUSABLE_LEVELS) {
      if (
        isAtLeast(grant.level, level) &&
        isFresh(grant, config.levels[level].windowMs, now, config) &&
        levelRank(level) > levelRank(current)
      ) {
        current = level;
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
  grants: readonly GrantSnapshot[],
  level: StepUpLevel,
  windowMs: number,
  config: StepUpConfig,
): Satisfaction | null {
  // A critical grant is bound to one call and used once (dynamic linking). It satisfies that call even
  // if the call's level has dropped since (risk or policy changed), never any other call.
  const criticalWindowMs = Math.min(windowMs, config.levels.critical.windowMs);
  const bound = grants.find(
    (g) => g.level === "critical" && g.callHash === input.callHash && isFresh(g, criticalWindowMs, input.now, config),
  );
  if (bound) return { kind: "grant", grantId: bound.id, consume: true };
  if (level === "critical") return null;
  const grant = newestReusable(grants, level, windowMs, input.now, config);
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

/** The most recent fresh non-critical grant at `level` or above; the first listed wins a tie. */
function newestReusable(
  grants: readonly GrantSnapshot[],
  level: StepUpLevel,
  windowMs: number,
  now: number,
  config: StepUpConfig,
): GrantSnapshot | undefined {
  let newest: GrantSnapshot | undefined;
  for (const g of grants) {
    if (g.level === "critical" || !isAtLeast(g.level, level) || !isFresh(g, windowMs, now, config)) continue;
    if (newest === undefined || g.verifiedAt > newest.verifiedAt) newest = g;
  }
  return newest;
}

/** Remembered devices are on, and this call is not a credential or admin change that declared them off. */
function rememberable(input: EvaluationInput, config: StepUpConfig): boolean {
  return config.rememberDevice.enabled && input.context.remember !== false;
}
