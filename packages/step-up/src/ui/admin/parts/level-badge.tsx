"use client";

import type { Level } from "../../../engine/levels";
import { useStepUpI18n } from "../../../i18n/context";
import { levelName } from "./level-names";

/** A level as text in a tinted pill; the word carries the meaning, the colour only repeats it. */
export function LevelBadge({ level }: { level: Level | (string & {}) }) {
  const { t } = useStepUpI18n();
  return <span className={`badge level-${level}`}>{levelName(t, level)}</span>;
}
