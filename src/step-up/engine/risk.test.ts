import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "./config";
import { clampRisk, scoreRisk, type RiskSignals } from "./risk";

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

describe("clampRisk", () => {
  it("keeps scores inside 0..1 and treats a non-number as the highest risk", () => {
    expect(clampRisk(0.4)).toBe(0.4);
    expect(clampRisk(-3)).toBe(0);
    expect(clampRisk(7)).toBe(1);
    expect(clampRisk(Number.POSITIVE_INFINITY)).toBe(1);
    expect(clampRisk(Number.NaN)).toBe(1);
  });
});
