import { reachableCombinations } from "./combinations";
import type { StepUpConfig } from "./config";
import { isStepUpLevel, levelRank, type Level, type StepUpLevel } from "./levels";
import type { EvaluationInput } from "./types";

const DOWNWARD: readonly StepUpLevel[] = ["critical", "high", "medium"];

/**
 * A call that adds a factor (`context.enrollment`) by a user who can complete none of its level's
 * combinations runs at the highest level the user can reach, never below medium (ADR 011; NIST SP
 * 800-63B-4 binds a new authenticator at the level the account has). Otherwise refusing with "enrol first"
 * would send a password-only user to an enrolment that refuses too. A user who can reach the level never
 * gets a lower one, and an empty method set (not loaded yet, the middleware's cheap first pass) lowers nothing.
 */
export function enrollmentLevel(level: Level, input: EvaluationInput, config: StepUpConfig): Level {
  const available = input.availableMethods;
  if (!input.context.enrollment || !isStepUpLevel(level) || available.size === 0) return level;
  for (const candidate of DOWNWARD) {
    if (levelRank(candidate) > levelRank(level)) continue;
    if (candidate === "medium" || reachableCombinations(candidate, available, config).length > 0) return candidate;
  }
  return level;
}
