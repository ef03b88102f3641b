import { levelRank, type Level } from "./levels";
import type { PolicySnapshot } from "./types";

/** One band of amounts and the level the amount rules ask for in it: `from` ≤ amount < `to`. */
export interface AmountTier {
  from: number | null;
  to: number | null;
  level: Level;
}

/**
 * What the amount rules of enforced policies ask for, band by band, for one currency and one scope
 * (organization, user): the highest level among the rules covering each band, as `evaluate` combines
 * them. For pages that say "under 1,000 needs medium…": the sentence follows the policies an admin
 * edits instead of copy that drifts from them. Bands without a rule are left out.
 */
export function amountTiers(
  policies: readonly PolicySnapshot[],
  scope: { currency: string; organizationId: string | null; userId: string },
): AmountTier[] {
  const rules = policies
    .filter((p) => p.enabled && p.mode === "enforce")
    .filter(
      (p) =>
        (p.organizationId === null || p.organizationId === scope.organizationId) &&
        (p.userId ?? scope.userId) === scope.userId,
    )
    .flatMap((p) => p.rules)
    .flatMap((rule) => (rule.kind === "amount" && (!rule.currency || rule.currency === scope.currency) ? [rule] : []));
  const edges = [...new Set(rules.flatMap((r) => [r.min, r.max]).filter((v): v is number => v !== undefined))].sort(
    (a, b) => a - b,
  );
  const bands = [null, ...edges].map((from, i) => ({ from, to: edges[i] ?? null }));
  const tiers: AmountTier[] = [];
  for (const band of bands) {
    const probe = band.from ?? (band.to ?? 0) - 1; // any amount inside the band decides it
    const level = rules
      .filter((r) => (r.min === undefined || probe >= r.min) && (r.max === undefined || probe < r.max))
      .reduce<Level>((top, r) => (levelRank(r.level) > levelRank(top) ? r.level : top), "none");
    const last = tiers.at(-1);
    if (last && last.level === level && last.to === band.from) last.to = band.to;
    else tiers.push({ ...band, level });
  }
  return tiers.filter((tier) => tier.level !== "none");
}
