import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "./config";
import { mayRememberDevice, rememberedDeviceExpiresAt } from "./device-memory";
import { grantExpiresAt } from "./grant-lifetime";
import type { StepUpLevel } from "./levels";
import { sessionLevel } from "./session-level";
import { NOW, SECOND_MS, makeGrant } from "./test-fixtures";

const MINUTE = 60 * SECOND_MS;
const config = {
  ...DEFAULT_CONFIG,
  levels: {
    medium: { ...DEFAULT_CONFIG.levels.medium, windowMs: 15 * MINUTE },
    high: { ...DEFAULT_CONFIG.levels.high, windowMs: 5 * MINUTE },
    critical: { ...DEFAULT_CONFIG.levels.critical, windowMs: 2 * MINUTE },
  },
  gracePeriodMs: 30 * SECOND_MS,
  rememberDevice: { ...DEFAULT_CONFIG.rememberDevice, ttlMs: 24 * 60 * MINUTE },
};

describe("grantExpiresAt", () => {
  it.each<[StepUpLevel, number]>([
    // A high grant answers medium calls for the medium window, so it lives as long as that.
    ["medium", 15 * MINUTE + 30 * SECOND_MS],
    ["high", 15 * MINUTE + 30 * SECOND_MS],
    ["critical", 2 * MINUTE + 30 * SECOND_MS],
  ])("a %s grant lives %i ms", (level, lifetime) => {
    expect(grantExpiresAt(level, NOW, config)).toBe(NOW + lifetime);
  });

  it("a level window longer than medium's is its own lifetime", () => {
    const long = { ...config, levels: { ...config.levels, high: { ...config.levels.high, windowMs: 60 * MINUTE } } };
    expect(grantExpiresAt("high", NOW, long)).toBe(NOW + 60 * MINUTE + 30 * SECOND_MS);
  });
});

describe("sessionLevel", () => {
  it("is low without grants", () => {
    expect(sessionLevel([], config, NOW)).toEqual({ currentLevel: "low", validUntil: { medium: null, high: null } });
  });

  it("a high grant holds high for its window and medium for medium's", () => {
    const grant = makeGrant("high", MINUTE);
    expect(sessionLevel([grant], config, NOW)).toEqual({
      currentLevel: "high",
      validUntil: { medium: NOW + 14 * MINUTE, high: NOW + 4 * MINUTE },
    });
    expect(sessionLevel([grant], config, NOW + 5 * MINUTE)).toMatchObject({ currentLevel: "medium" });
    expect(sessionLevel([grant], config, NOW + 14 * MINUTE)).toMatchObject({ currentLevel: "low" });
  });

  it("the latest grant at or above a level counts; critical grants count for nothing", () => {
    const older = makeGrant("medium", 10 * MINUTE);
    const newer = makeGrant("medium", MINUTE);
    const critical = makeGrant("critical", 0);
    expect(sessionLevel([older, newer, critical], config, NOW)).toEqual({
      currentLevel: "medium",
      validUntil: { medium: NOW + 14 * MINUTE, high: null },
    });
  });
});

describe("mayRememberDevice", () => {
  const asked = {
    requested: true,
    canRemember: true,
    level: "high" as StepUpLevel,
    userAgentFamily: "firefox" as string | null,
  };
  it.each<[string, Partial<typeof asked>, boolean]>([
    ["asked and allowed", {}, true],
    ["not asked", { requested: false }, false],
    ["not allowed by the decision", { canRemember: false }, false],
    ["critical", { level: "critical" }, false],
    ["no browser family to bind to", { userAgentFamily: null }, false],
  ])("%s", (_title, overrides, remembered) => {
    expect(mayRememberDevice({ ...asked, ...overrides })).toBe(remembered);
  });

  it("a remembered device lasts the configured time", () => {
    expect(rememberedDeviceExpiresAt(NOW, config)).toBe(NOW + 24 * 60 * MINUTE);
  });
});
