import { describe, expect, it } from "vitest";
import {
  CRITICAL_WINDOW_MS,
  DEFAULT_CONFIG,
  GRACE_PERIOD_MS,
  HIGH_WINDOW_MS,
  MEDIUM_WINDOW_MS,
  REMEMBER_DEVICE_TTL_MS,
  REQUIREMENT_TTL_MS,
  StepUpConfigError,
  parseConfig,
  windowFor,
} from "./config";
import { METHODS } from "./levels";

describe("duration constants (docs/design.md defaults)", () => {
  it.each([
    ["MEDIUM_WINDOW_MS is 15 minutes", MEDIUM_WINDOW_MS, 900_000],
    ["HIGH_WINDOW_MS is 5 minutes", HIGH_WINDOW_MS, 300_000],
    ["CRITICAL_WINDOW_MS is 0 (this very call only)", CRITICAL_WINDOW_MS, 0],
    ["GRACE_PERIOD_MS is 30 seconds", GRACE_PERIOD_MS, 30_000],
    ["REQUIREMENT_TTL_MS is 10 minutes", REQUIREMENT_TTL_MS, 600_000],
    ["REMEMBER_DEVICE_TTL_MS is 24 hours", REMEMBER_DEVICE_TTL_MS, 86_400_000],
  ])("%s", (_title, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it("the default configuration uses the pinned durations", () => {
    expect(windowFor(DEFAULT_CONFIG, "medium")).toBe(900_000);
    expect(windowFor(DEFAULT_CONFIG, "high")).toBe(300_000);
    expect(windowFor(DEFAULT_CONFIG, "critical")).toBe(0);
    expect(DEFAULT_CONFIG.gracePeriodMs).toBe(30_000);
    expect(DEFAULT_CONFIG.requirementTtlMs).toBe(600_000);
    expect(DEFAULT_CONFIG.rememberDevice.ttlMs).toBe(86_400_000);
  });
});

describe("default combinations", () => {
  it("medium accepts any single method", () => {
    const combinations = DEFAULT_CONFIG.levels.medium.combinations;
    expect(combinations.every((c) => c.length === 1)).toBe(true);
    expect(new Set(combinations.flat())).toEqual(new Set(METHODS));
  });

  it("high is passkey, password+totp or password+backup_code", () => {
    expect(DEFAULT_CONFIG.levels.high.combinations).toEqual([
      ["passkey"],
      ["password", "totp"],
      ["password", "backup_code"],
    ]);
  });

  it("high never accepts an email code (OWASP ASVS 5.0 6.3.6)", () => {
    expect(DEFAULT_CONFIG.levels.high.combinations.flat()).not.toContain("email_code");
    expect(DEFAULT_CONFIG.levels.critical.combinations.flat()).not.toContain("email_code");
  });

  it("critical is passkey only", () => {
    expect(DEFAULT_CONFIG.levels.critical.combinations).toEqual([["passkey"]]);
  });

  it("a user who cannot complete a level is refused by default, never silently downgraded", () => {
    expect(DEFAULT_CONFIG.onUnavailable).toBe("refuse");
  });
});

describe("parseConfig", () => {
  it("returns the defaults when given no overrides", () => {
    expect(parseConfig()).toEqual(DEFAULT_CONFIG);
    expect(parseConfig({})).toEqual(DEFAULT_CONFIG);
  });

  it("merges a nested override and keeps the sibling defaults", () => {
    const config = parseConfig({ levels: { high: { windowMs: 120_000 } }, rememberDevice: { maxRisk: 0.5 } });
    expect(config.levels.high).toEqual({ windowMs: 120_000, combinations: DEFAULT_CONFIG.levels.high.combinations });
    expect(config.levels.medium).toEqual(DEFAULT_CONFIG.levels.medium);
    expect(config.rememberDevice).toEqual({ enabled: true, ttlMs: 86_400_000, maxRisk: 0.5 });
  });

  it("replaces a combination list instead of merging it", () => {
    const config = parseConfig({ levels: { critical: { combinations: [["passkey"], ["password", "totp"]] } } });
    expect(config.levels.critical.combinations).toEqual([["passkey"], ["password", "totp"]]);
  });

  it("accepts onUnavailable degrade", () => {
    expect(parseConfig({ onUnavailable: "degrade" }).onUnavailable).toBe("degrade");
  });

  it("does not mutate the defaults", () => {
    parseConfig({ levels: { medium: { windowMs: 1 } }, lockout: { maxFailuresPerUser: 3 } });
    expect(DEFAULT_CONFIG.levels.medium.windowMs).toBe(900_000);
    expect(DEFAULT_CONFIG.lockout.maxFailuresPerUser).toBe(10);
  });

  it.each([
    ["a negative window", { levels: { high: { windowMs: -1 } } }, "levels.high.windowMs"],
    ["a fractional window", { levels: { medium: { windowMs: 1.5 } } }, "levels.medium.windowMs"],
    ["an empty combination list", { levels: { critical: { combinations: [] } } }, "levels.critical.combinations"],
    ["an empty combination", { levels: { high: { combinations: [[]] } } }, "levels.high.combinations.0"],
    ["an unknown method", { levels: { medium: { combinations: [["sms"]] } } }, "levels.medium.combinations.0.0"],
    ["a grace period over 5 minutes", { gracePeriodMs: 600_000 }, "gracePeriodMs"],
    ["a zero requirement TTL", { requirementTtlMs: 0 }, "requirementTtlMs"],
    ["an unknown onUnavailable", { onUnavailable: "allow" }, "onUnavailable"],
    ["a remember-device risk above 1", { rememberDevice: { maxRisk: 1.5 } }, "rememberDevice.maxRisk"],
    ["a non-boolean remember-device flag", { rememberDevice: { enabled: "no" } }, "rememberDevice.enabled"],
    ["a fractional lockout count", { lockout: { maxFailuresPerUser: 2.5 } }, "lockout.maxFailuresPerUser"],
    ["a misspelt field", { rememberDevice: { enable: false } }, "enable"],
    ["a non-object configuration", null, "(root)"],
    [
      "an email code for high (the floor, ADR 011)",
      { levels: { high: { combinations: [["passkey"], ["email_code"]] } } },
      "levels.high.combinations.1: email codes are never accepted above medium",
    ],
    [
      "a single factor for critical",
      { levels: { critical: { combinations: [["totp"]] } } },
      "levels.critical.combinations.0: critical needs two kinds of factor",
    ],
    [
      "a password alone for high",
      { levels: { high: { combinations: [["password"]] } } },
      "levels.high.combinations.0: high is never a password alone",
    ],
  ])("rejects %s, naming the field", (_title, overrides, field) => {
    expect(() => parseConfig(overrides)).toThrow(StepUpConfigError);
    expect(() => parseConfig(overrides)).toThrow(field);
  });

  it("lists every bad field on its own line under a readable heading", () => {
    let error: unknown;
    try {
      parseConfig({ gracePeriodMs: -5, onUnavailable: "allow" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StepUpConfigError);
    const { name, message } = error as StepUpConfigError;
    expect(name).toBe("StepUpConfigError");
    const [heading, ...lines] = message.split("\n");
    expect(heading).toBe("Invalid step-up configuration:");
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.startsWith("  - gracePeriodMs: "))).toBeDefined();
    expect(lines.find((l) => l.startsWith("  - onUnavailable: "))).toBeDefined();
  });
});
