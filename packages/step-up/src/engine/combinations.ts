import type { StepUpConfig } from "./config";
import { withinFloor } from "./floor";
import type { Combination, MethodId, StepUpLevel } from "./levels";

/** Degrading never skips a level: a degraded critical is still one of high's combinations (ADR 011). */
const NEXT_LOWER: Record<StepUpLevel, StepUpLevel | null> = { critical: "high", high: "medium", medium: null };

/**
 * The combinations a user can complete for a level, each within the level's floor (`floor.ts`). When none
 * is possible, configuration decides: "refuse" returns none (the UI offers enrolment); "degrade" returns the
 * next lower level's combinations that still meet this level's floor, flagged so the server audits
 * `stepup.degraded`. Nothing meets the floor → none, as with "refuse". Never a silent downgrade.
 */
export function selectCombinations(
  level: StepUpLevel,
  available: ReadonlySet<MethodId>,
  config: StepUpConfig,
): { combinations: Combination[]; degraded: boolean } {
  const own = reachableCombinations(level, available, config);
  const lower = NEXT_LOWER[level];
  if (own.length > 0 || config.onUnavailable === "refuse" || lower === null)
    return { combinations: own, degraded: false };
  const fallback = withinFloor(level, completable(config.levels[lower].combinations, available));
  return { combinations: fallback, degraded: fallback.length > 0 };
}

/** The level's own combinations the user can complete, within its floor. */
export function reachableCombinations(
  level: StepUpLevel,
  available: ReadonlySet<MethodId>,
  config: StepUpConfig,
): Combination[] {
  return withinFloor(level, completable(config.levels[level].combinations, available));
}

function completable(combinations: readonly Combination[], available: ReadonlySet<MethodId>): Combination[] {
  return combinations.filter((combination) => combination.every((method) => available.has(method)));
}

/** Is a requirement fulfilled by the methods verified so far? Returns the completed combination. */
export function completedCombination(
  combinations: readonly Combination[],
  verified: ReadonlySet<MethodId>,
): Combination | null {
  return combinations.find((combination) => combination.every((method) => verified.has(method))) ?? null;
}

/**
 * Methods still needed, for progress: for each combination containing every verified method, what it lacks ([] =
 * complete).
 */
export function remainingMethods(combinations: readonly Combination[], verified: ReadonlySet<MethodId>): MethodId[][] {
  return combinations
    .filter((c) => [...verified].every((m) => c.includes(m)))
    .map((c) => c.filter((m) => !verified.has(m)));
}
