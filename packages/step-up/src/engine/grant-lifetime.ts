import type { StepUpConfig } from "./config";
import type { StepUpLevel } from "./levels";

/**
 * When a grant earned at `level` stops being live (epoch ms). A medium or high grant lives at least the
 * medium window (a high grant keeps answering medium calls that long), a critical grant its own window; the
 * grace period is added so a call checked at the window's edge still finds it.
 */
export function grantExpiresAt(
  level: StepUpLevel,
  verifiedAt: number,
  config: Pick<StepUpConfig, "levels" | "gracePeriodMs">,
): number {
  const lifetimeMs = level === "critical" ? 0 : config.levels.medium.windowMs;
  return verifiedAt + Math.max(lifetimeMs, config.levels[level].windowMs) + config.gracePeriodMs;
}
