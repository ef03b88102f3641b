import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "@step-up/next/engine";
import { transferLevelSummary } from "./level-summary";

const tiers = [
  { from: null, to: 1000, level: "medium" as const },
  { from: 1000, to: 10_000, level: "high" as const },
  { from: 10_000, to: null, level: "critical" as const },
];

describe("transferLevelSummary", () => {
  it("says what the amount rules and the configured combinations ask for", () => {
    expect(transferLevelSummary(tiers, "USD", DEFAULT_CONFIG)).toBe(
      "Under 1,000 USD needs a quick check, 1,000 to 10,000 a strong check, and 10,000 or more your approval of that one transfer (passkey).",
    );
  });

  it("follows the configuration: other combinations, and the fallback of onUnavailable: degrade", () => {
    const config = {
      ...DEFAULT_CONFIG,
      onUnavailable: "degrade" as const,
      levels: {
        ...DEFAULT_CONFIG.levels,
        critical: { ...DEFAULT_CONFIG.levels.critical, combinations: [["passkey"], ["password", "totp"]] },
      },
    };
    expect(transferLevelSummary(tiers.slice(2), "EUR", config as typeof DEFAULT_CONFIG)).toBe(
      "10,000 EUR or more needs your approval of that one transfer (passkey or password + authenticator code; without one, a password and a second factor).",
    );
    expect(transferLevelSummary([], "USD", DEFAULT_CONFIG)).toBe("Transfers need no extra verification.");
  });
});
