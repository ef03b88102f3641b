import type { StepUpConfig } from "./config";
import type { Combination, MethodId, StepUpLevel } from "./levels";

const WEAKER: Record<StepUpLevel, StepUpLevel[]> = {
  critical: ["high", "medium"],
  high: ["medium"],
  medium: [],
};

/**
 * The combinations a user can complete for a level. When none is possible, configuration decides:
 * "refuse" returns none (the UI offers enrolment); "degrade" returns the strongest weaker level's
 * combinations, flagged so the server audits `stepup.degraded`. Never a silent downgrade.
 */
export function selectCombinations(
  level: StepUpLevel,
  available: ReadonlySet<MethodId>,
  config: StepUpConfig,
): { combinations: Combination[]; degraded: boolean } {
  const own = completable(config.levels[level].combinations, available);
  if (own.length > 0 || config.onUnavailable === "refuse") return { combinations: own, degraded: false };
  for (const weaker of WEAKER[level]) {
    const fallback = completable(config.levels[weaker].combinations, available);
    if (fallback.length > 0) return { combinations: fallback, degraded: true };
  }
  return { combinations: [], degraded: false };
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
