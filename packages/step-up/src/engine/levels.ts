import { z } from "zod/v4";

/** Assurance levels in increasing order. `low` means "signed in". */
export const LEVELS = ["none", "low", "medium", "high", "critical"] as const;
export type Level = (typeof LEVELS)[number];
export const levelSchema = z.enum(LEVELS);

/** Levels that step-up can raise a session to (a grant's level). */
export const STEP_UP_LEVELS = ["medium", "high", "critical"] as const;
export type StepUpLevel = (typeof STEP_UP_LEVELS)[number];
export const stepUpLevelSchema = z.enum(STEP_UP_LEVELS);

export const METHODS = ["password", "totp", "passkey", "backup_code", "email_code"] as const;
export type MethodId = (typeof METHODS)[number];
export const methodSchema = z.enum(METHODS);

/** All methods of one combination must be completed; any one combination satisfies a level. */
export type Combination = readonly MethodId[];

/** The index in LEVELS (-1 for anything else); a switch, not `indexOf`: several per decision. */
export function levelRank(level: Level): number {
  switch (level) {
    case "none":
      return 0;
    case "low":
      return 1;
    case "medium":
      return 2;
    case "high":
      return 3;
    case "critical":
      return 4;
    default:
      return -1;
  }
}

export function isAtLeast(level: Level, minimum: Level): boolean {
  return levelRank(level) >= levelRank(minimum);
}

export function maxLevel(...levels: Level[]): Level {
  return levels.reduce<Level>((highest, l) => (levelRank(l) > levelRank(highest) ? l : highest), "none");
}

export function isStepUpLevel(level: Level): level is StepUpLevel {
  return (STEP_UP_LEVELS as readonly string[]).includes(level);
}
