import type { Level } from "../../../engine/levels";
import type { Translate } from "../../../i18n/translator";

const LEVELS: readonly string[] = ["none", "low", "medium", "high", "critical"];

/** A level in an admin's words (the raw level stays in the JSON and the CSV); an unknown one as it is. */
export function levelName(t: Translate, level: string): string {
  return LEVELS.includes(level) ? t(`admin.level.${level as Level}`) : level;
}

/** What a rule's level asks of the user, for the editor's level choice. */
export function levelChoice(t: Translate, level: Level): string {
  return t(`admin.levelChoice.${level}`);
}
