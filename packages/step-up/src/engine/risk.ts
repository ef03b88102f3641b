/** Signals the built-in risk scorer reads; collected by the server's store from the user's history. */
export interface RiskSignals {
  /** This IP is not in the user's recent history (earlier sessions' sign-ins and verifications), or unknown. */
  newIp: boolean;
  /** Same for the exact user-agent string. */
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

/** What the user's recent history holds for one request: found by the store, read here. */
export interface RequestHistory {
  ipSeen: boolean;
  userAgentSeen: boolean;
}

/**
 * Signals for one request against the user's history. An IP or user agent the server does not know
 * (null or empty) counts as new: a client that hides where it comes from never looks more familiar
 * than one that says.
 */
export function historySignals(
  request: { ip: string | null; userAgent: string | null },
  history: RequestHistory,
  recentFailures: number,
): RiskSignals {
  return {
    newIp: !request.ip || !history.ipSeen,
    newUserAgent: !request.userAgent?.trim() || !history.userAgentSeen,
    recentFailures,
  };
}

/**
 * Scores from a replaceable scorer are clamped to 0..1; a score that is not a number (a broken
 * custom scorer) counts as the highest risk, so a bug can only ask for more assurance, never less.
 */
export function clampRisk(score: number): number {
  return Number.isNaN(score) ? 1 : Math.min(1, Math.max(0, score));
}
