import type { Level } from "../../../engine/levels";

/** Each level in an admin's words: the badge's text (the raw level stays in the JSON and the CSV). */
export const LEVEL_NAMES: Record<Level, string> = {
  none: "No sign-in",
  low: "Signed in",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

/** What a rule's level asks of the user, for the editor's level choice. */
export const LEVEL_CHOICES: Record<Level, string> = {
  none: "No sign-in needed",
  low: "Signed in (no extra check)",
  medium: "Medium: verify again",
  high: "High: a stronger verification",
  critical: "Critical: a passkey approves this one action",
};

export function levelName(level: string): string {
  return LEVEL_NAMES[level as Level] ?? level;
}
