/** Signals the built-in risk scorer reads; collected by the server's store. */
export interface RiskSignals {
  /** This IP has not been seen for this user before (sessions and attempts). */
  newIp: boolean;
  newUserAgent: boolean;
  /** Failed step-up attempts by this user in the last 15 minutes. */
  recentFailures: number;
}

export type RiskScorer = (signals: RiskSignals) => number;

/** A simple, explainable default; replace it through the server options with a real risk engine. */
export const scoreRisk: RiskScorer = (signals) => {
  const score =
    (signals.newIp ? 0.3 : 0) + (signals.newUserAgent ? 0.2 : 0) + Math.min(signals.recentFailures, 5) * 0.1;
  return Math.min(1, Math.round(score * 100) / 100);
};

/**
 * Scores from a replaceable scorer are clamped to 0..1; a score that is not a number (a broken
 * custom scorer) counts as the highest risk, so a bug can only ask for more assurance, never less.
 */
export function clampRisk(score: number): number {
  return Number.isNaN(score) ? 1 : Math.min(1, Math.max(0, score));
}
