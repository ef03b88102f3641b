import type { Level } from "../../../engine/levels";
import { levelName } from "./level-names";

/** A level as text in a tinted pill; the word carries the meaning, the colour only repeats it. */
export function LevelBadge({ level }: { level: Level | (string & {}) }) {
  return <span className={`badge level-${level}`}>{levelName(level)}</span>;
}
