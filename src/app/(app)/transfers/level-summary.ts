import { describeCombination, type AmountTier, type StepUpConfig } from "@step-up/next/engine";

/**
 * The Transfers page's sentence about levels, from the amount rules in force and the configured combinations
 * (tests/e2e/level-wording.test.ts): "Under 1,000 USD needs a quick check, 1,000 to 10,000 a strong check, and
 * 10,000 or more your approval of that one transfer (passkey)". Edit a policy and the page follows.
 */
export function transferLevelSummary(
  tiers: readonly AmountTier[],
  currency: string,
  config: Pick<StepUpConfig, "levels" | "onUnavailable">,
): string {
  if (tiers.length === 0) return "Transfers need no extra verification.";
  const parts = tiers.map((tier, i) => `${band(tier, currency, i === 0)} ${levelText(tier, config, i === 0)}`);
  const sentence = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")}, and ${parts.at(-1)}`;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function band(tier: AmountTier, currency: string, first: boolean): string {
  const unit = first ? ` ${currency}` : "";
  if (tier.from === null) return `under ${money(tier.to!)}${unit}`;
  if (tier.to === null) return `${money(tier.from)}${unit} or more`;
  return `${money(tier.from)} to ${money(tier.to)}${unit}`;
}

function levelText(tier: AmountTier, config: Pick<StepUpConfig, "levels" | "onUnavailable">, first: boolean): string {
  const verb = first ? "needs " : "";
  if (tier.level !== "critical") return `${verb}${CHECK[tier.level]}`;
  const ways = config.levels.critical.combinations.map((c) => describeCombination(c).toLowerCase()).join(" or ");
  // "degrade" lets a user with none of those verify at the highest level they can reach (ADR 011).
  const fallback = config.onUnavailable === "degrade" ? "; without one, a password and a second factor" : "";
  return `${verb}your approval of that one transfer (${ways}${fallback})`;
}

/** The levels in a user's words, as the dialog's badges say them (no level names on a user's page). */
const CHECK: Record<Exclude<AmountTier["level"], "critical">, string> = {
  none: "no extra check",
  low: "only that you are signed in",
  medium: "a quick check",
  high: "a strong check",
};

function money(value: number): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(value);
}
