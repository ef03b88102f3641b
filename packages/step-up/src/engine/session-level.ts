import type { StepUpConfig } from "./config";
import type { GrantSnapshot } from "./types";

/** What the session's live grants are worth now: the level it holds and until when each level holds (epoch ms). */
export interface SessionLevel {
  currentLevel: "low" | "medium" | "high";
  validUntil: { medium: number | null; high: number | null };
}

/**
 * The session's standing level for the status query: a level holds for its window after the latest grant at or
 * above it. Critical grants are left out: each is bound to one call and says nothing about the session.
 */
export function sessionLevel(
  grants: readonly GrantSnapshot[],
  config: Pick<StepUpConfig, "levels">,
  now: number,
): SessionLevel {
  const standing = grants.filter((g) => g.level !== "critical");
  const validUntil = (level: "medium" | "high") => {
    const rank = level === "medium" ? ["medium", "high"] : ["high"];
    const latest = standing.filter((g) => rank.includes(g.level)).reduce((max, g) => Math.max(max, g.verifiedAt), 0);
    const until = latest + config.levels[level].windowMs;
    return latest > 0 && until > now ? until : null;
  };
  const high = validUntil("high");
  const medium = validUntil("medium");
  return { currentLevel: high ? "high" : medium ? "medium" : "low", validUntil: { medium, high } };
}
