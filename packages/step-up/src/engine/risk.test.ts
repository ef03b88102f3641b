import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "./config";
import { clampRisk, historySignals, scoreRisk, type RiskSignals } from "./risk";

const signals = (overrides: Partial<RiskSignals> = {}): RiskSignals => ({
  newIp: false,
  newUserAgent: false,
  recentFailures: 0,
  ...overrides,
});

describe("scoreRisk", () => {
  it.each<[string, Partial<RiskSignals>, number]>([
    ["a known device and network", {}, 0],
    ["a new IP", { newIp: true }, 0.3],
    ["a new user agent", { newUserAgent: true }, 0.2],
    ["one recent failure", { recentFailures: 1 }, 0.1],
    ["three recent failures (rounded, not 0.30000000000000004)", { recentFailures: 3 }, 0.3],
    ["a new IP and user agent", { newIp: true, newUserAgent: true }, 0.5],
    ["failures count up to five", { recentFailures: 5 }, 0.5],
    ["failures beyond five add nothing", { recentFailures: 50 }, 0.5],
    ["every signal at once", { newIp: true, newUserAgent: true, recentFailures: 9 }, 1],
  ])("%s → %s", (_title, overrides, expected) => {
    expect(scoreRisk(signals(overrides))).toBe(expected);
  });

  it("a new IP, new user agent and two failures reach the remember-device limit", () => {
    expect(scoreRisk(signals({ newIp: true, newUserAgent: true, recentFailures: 2 }))).toBeGreaterThanOrEqual(
      DEFAULT_CONFIG.rememberDevice.maxRisk,
    );
  });

  const anySignals = fc.record({
    newIp: fc.boolean(),
    newUserAgent: fc.boolean(),
    recentFailures: fc.nat({ max: 1000 }),
  });

  it("stays within 0..1 with at most two decimals", () => {
    fc.assert(
      fc.property(anySignals, (s) => {
        const score = scoreRisk(s);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(Math.round(score * 100) / 100).toBe(score);
      }),
    );
  });

  it("never decreases when a signal gets worse", () => {
    fc.assert(
      fc.property(anySignals, fc.nat({ max: 10 }), (s, moreFailures) => {
        const base = scoreRisk(s);
        expect(scoreRisk({ ...s, newIp: true })).toBeGreaterThanOrEqual(base);
        expect(scoreRisk({ ...s, newUserAgent: true })).toBeGreaterThanOrEqual(base);
        expect(scoreRisk({ ...s, recentFailures: s.recentFailures + moreFailures })).toBeGreaterThanOrEqual(base);
      }),
    );
  });
});

describe("historySignals", () => {
  const home = { ip: "198.51.100.10", userAgent: "Firefox/133.0" };
  const seen = { ipSeen: true, userAgentSeen: true };

  it.each<
    [string, { ip: string | null; userAgent: string | null }, typeof seen, Pick<RiskSignals, "newIp" | "newUserAgent">]
  >([
    ["the usual IP and browser", home, seen, { newIp: false, newUserAgent: false }],
    [
      "a fresh session with no history at all",
      home,
      { ipSeen: false, userAgentSeen: false },
      { newIp: true, newUserAgent: true },
    ],
    ["a new network, the usual browser", home, { ...seen, ipSeen: false }, { newIp: true, newUserAgent: false }],
    ["the usual network, a new browser", home, { ...seen, userAgentSeen: false }, { newIp: false, newUserAgent: true }],
    ["an unknown IP, even if the store says seen", { ...home, ip: null }, seen, { newIp: true, newUserAgent: false }],
    ["an empty IP", { ...home, ip: "" }, seen, { newIp: true, newUserAgent: false }],
    ["no user agent", { ...home, userAgent: null }, seen, { newIp: false, newUserAgent: true }],
    ["a blank user agent", { ...home, userAgent: "  " }, seen, { newIp: false, newUserAgent: true }],
  ])("%s", (_title, request, history, expected) => {
    expect(historySignals(request, history, 2)).toEqual({ ...expected, recentFailures: 2 });
  });

  it("an unknown IP never scores lower than a known one or a new one", () => {
    const unknown = scoreRisk(historySignals({ ...home, ip: null }, seen, 0));
    expect(unknown).toBeGreaterThanOrEqual(scoreRisk(historySignals(home, seen, 0)));
    expect(unknown).toBeGreaterThanOrEqual(scoreRisk(historySignals(home, { ...seen, ipSeen: false }, 0)));
  });

  it("a brand-new session from a never-seen IP and browser scores above 0, the usual one 0", () => {
    expect(scoreRisk(historySignals(home, { ipSeen: false, userAgentSeen: false }, 0))).toBeGreaterThan(0);
    expect(scoreRisk(historySignals(home, seen, 0))).toBe(0);
  });
});

describe("clampRisk", () => {
  it("keeps scores inside 0..1 and treats a non-number as the highest risk", () => {
    expect(clampRisk(0.4)).toBe(0.4);
    expect(clampRisk(-3)).toBe(0);
    expect(clampRisk(7)).toBe(1);
    expect(clampRisk(Number.POSITIVE_INFINITY)).toBe(1);
    expect(clampRisk(Number.NaN)).toBe(1);
  });
});
