import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "./config";
import { evaluate } from "./evaluate";
import type { Level, MethodId } from "./levels";
import { makeContext, makeGrant, makeInput } from "./test-fixtures";

/**
 * Adding a factor when the user can reach none of the level's combinations (ADR 011): without this,
 * "refuse, enrol first" would send a password-only user to an enrolment that itself refuses.
 */
function decide(options: { level: Level; enrollment: boolean; methods: MethodId[]; grants?: "medium" }) {
  const input = makeInput({
    context: makeContext({ minimumLevel: options.level, enrollment: options.enrollment }),
    availableMethods: new Set(options.methods),
    grants: options.grants ? [makeGrant(options.grants, 0)] : [],
  });
  return evaluate(input, DEFAULT_CONFIG);
}

describe("the level of a call that adds a factor", () => {
  it.each<[string, Level, boolean, MethodId[], Level, boolean]>([
    ["a password-only user enrols at medium, flagged", "high", true, ["password", "email_code"], "medium", true],
    ["a user who can reach high stays at high", "high", true, ["password", "totp"], "high", false],
    ["critical drops to the highest level the user reaches", "critical", true, ["password", "totp"], "high", true],
    ["not for calls that add no factor", "high", false, ["password"], "high", false],
    // Methods not loaded yet (the engine's first, cheap pass): nothing is lowered.
    ["never while the user's methods are unknown", "high", true, [], "high", false],
  ])("%s", (_title, level, enrollment, methods, expected, degraded) => {
    const decision = decide({ level, enrollment, methods });
    expect(decision.level).toBe(expected);
    expect(decision.degraded).toBe(degraded);
    expect(decision.canRemember).toBe(decision.canRemember && !degraded);
  });

  it("a medium grant never lets a user who could reach high add a factor", () => {
    const decision = decide({ level: "high", enrollment: true, methods: ["password", "totp"], grants: "medium" });
    expect(decision).toMatchObject({ level: "high", required: true });
  });

  it("a password-only user's medium grant covers the enrolment, and refusal mode does not change that", () => {
    const refuse = decide({ level: "high", enrollment: true, methods: ["password"], grants: "medium" });
    expect(refuse).toMatchObject({ level: "medium", required: false, canRemember: false });
    const degrade = evaluate(
      makeInput({
        context: makeContext({ minimumLevel: "high", enrollment: true }),
        availableMethods: new Set<MethodId>(["password"]),
      }),
      parseConfig({ onUnavailable: "degrade" }),
    );
    expect(degrade).toMatchObject({ level: "medium", methods: [["password"]], degraded: true });
  });
});
