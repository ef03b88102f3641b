import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig, type StepUpConfig } from "./config";
import { evaluate, ruleReason } from "./evaluate";
import type { Level, MethodId } from "./levels";
import type { Rule } from "./rules";
import type { EvaluationInput, GrantSnapshot, RememberedDeviceSnapshot } from "./types";
import { NOW, SECOND_MS, makeContext, makeGrant, makeInput, makePolicy } from "./test-fixtures";

const MINUTE = 60 * SECOND_MS;
const GRACE = DEFAULT_CONFIG.gracePeriodMs;
const DEGRADE = parseConfig({ onUnavailable: "degrade" });

const procedureRule = (level: Level, pattern = "transfers.*"): Rule => ({ kind: "procedure", pattern, level });

/** Evaluates a call whose code minimum is `minimumLevel`, with everything else overridable. */
function decide(minimumLevel: Level, overrides: Partial<EvaluationInput> = {}, config: StepUpConfig = DEFAULT_CONFIG) {
  const input = makeInput(overrides);
  return evaluate({ ...input, context: { ...input.context, minimumLevel } }, config);
}

describe("required level", () => {
  it.each<[string, Level, Level[], Level]>([
    ["no rules keeps the code minimum (low)", "low", [], "low"],
    ["no rules keeps the code minimum (medium)", "medium", [], "medium"],
    ["a rule raises medium to high", "medium", ["high"], "high"],
    ["a lower rule never lowers high", "high", ["medium"], "high"],
    ["a none rule never lowers high", "high", ["none"], "high"],
    ["the highest of several rules wins", "low", ["medium", "critical", "high"], "critical"],
    ["critical stays critical", "critical", ["low"], "critical"],
  ])("%s", (_title, minimumLevel, ruleLevels, expected) => {
    const policies = [makePolicy(ruleLevels.map((level) => procedureRule(level)))];
    expect(decide(minimumLevel, { policies }).level).toBe(expected);
  });

  it.each<[Level]>([["none"], ["low"]])("a %s call is not a step-up and needs nothing", (minimumLevel) => {
    expect(decide(minimumLevel)).toMatchObject({
      required: false,
      satisfiedBy: { kind: "not_required" },
      reason: "",
      methods: [],
      windowMs: 0,
      canRemember: false,
    });
  });

  it("lists enforced matches by priority, highest first", () => {
    const policies = [
      makePolicy([procedureRule("medium")], { id: "p-low", priority: 1 }),
      makePolicy([procedureRule("high"), procedureRule("medium", "account.*")], { id: "p-high", priority: 10 }),
    ];
    const { matchedRules } = decide("low", { policies });
    expect(matchedRules.map((m) => [m.policyId, m.ruleIndex])).toEqual([
      ["p-high", 0],
      ["p-low", 0],
    ]);
  });

  it("ignores disabled policies and another organization's", () => {
    const policies = [
      makePolicy([procedureRule("critical")], { id: "disabled", enabled: false }),
      makePolicy([procedureRule("critical")], { id: "other-org", organizationId: "org-2" }),
      makePolicy([procedureRule("high")], { id: "own-org", organizationId: "org-1" }),
    ];
    const decision = decide("low", { policies });
    expect(decision.level).toBe("high");
    expect(decision.matchedRules.map((m) => m.policyId)).toEqual(["own-org"]);
  });

  it("describes a match by the rule's description, else describeRule, else the fail-closed note", () => {
    const policies = [
      makePolicy([
        { kind: "procedure", pattern: "transfers.*", level: "medium", description: "Money moves" },
        { kind: "risk", minScore: 0, level: "medium" },
        { kind: "condition", expression: "amount.nope > 1", level: "high", description: "ignored" },
      ]),
    ];
    const { matchedRules, level } = decide("low", { policies });
    expect(matchedRules.map((m) => m.description)).toEqual([
      "Money moves",
      "Risk score of 0 or more",
      "condition could not be evaluated",
    ]);
    expect(level).toBe("high");
  });

  it("does not reorder the caller's policy list", () => {
    const policies = [makePolicy([], { id: "a", priority: 1 }), makePolicy([], { id: "b", priority: 9 })];
    decide("low", { policies });
    expect(policies.map((p) => p.id)).toEqual(["a", "b"]);
  });
});

describe("report-only policies", () => {
  it("report a higher level in wouldRequire without raising the level", () => {
    const policies = [makePolicy([procedureRule("critical")], { id: "trial", mode: "report_only" })];
    const decision = decide("medium", { policies });
    expect(decision.level).toBe("medium");
    expect(decision.matchedRules).toEqual([]);
    expect(decision.wouldRequire.map((m) => [m.policyId, m.level])).toEqual([["trial", "critical"]]);
  });

  it("report nothing when they would not raise the level", () => {
    const policies = [makePolicy([procedureRule("medium")], { mode: "report_only" })];
    expect(decide("high", { policies }).wouldRequire).toEqual([]);
  });

  it("report a would-be step-up on a call that needs none", () => {
    const policies = [makePolicy([procedureRule("high")], { mode: "report_only" })];
    const decision = decide("low", { policies });
    expect(decision.required).toBe(false);
    expect(decision.wouldRequire).toHaveLength(1);
  });

  it("do not tighten the window with their auth_age rules", () => {
    const policies = [
      makePolicy([{ kind: "auth_age", pattern: "transfers.*", maxAgeSeconds: 60, level: "medium" }], {
        mode: "report_only",
      }),
    ];
    const decision = decide("medium", { policies, grants: [makeGrant("medium", 10 * MINUTE)] });
    expect(decision.windowMs).toBe(15 * MINUTE);
    expect(decision.required).toBe(false);
  });
});

describe("grants", () => {
  const grantCases: [string, Level, GrantSnapshot, boolean][] = [
    ["a fresh medium grant satisfies medium", "medium", makeGrant("medium", 0), true],
    ["medium at exactly window + grace", "medium", makeGrant("medium", 15 * MINUTE + GRACE), true],
    ["medium 1 ms after window + grace", "medium", makeGrant("medium", 15 * MINUTE + GRACE + 1), false],
    ["high at exactly window + grace", "high", makeGrant("high", 5 * MINUTE + GRACE), true],
    ["high 1 ms after window + grace", "high", makeGrant("high", 5 * MINUTE + GRACE + 1), false],
    ["a high grant satisfies medium within the medium window", "medium", makeGrant("high", 10 * MINUTE), true],
    ["a medium grant never satisfies high", "high", makeGrant("medium", 0), false],
    ["a grant from the future within the grace period", "medium", makeGrant("medium", -GRACE), true],
    ["a grant from further in the future", "medium", makeGrant("medium", -GRACE - 1), false],
    ["a grant from another session", "medium", makeGrant("medium", 0, { sessionId: "session-2" }), false],
    ["a consumed grant", "medium", makeGrant("medium", 0, { consumedAt: NOW }), false],
    [
      "a critical grant for another call never satisfies a lower level",
      "medium",
      makeGrant("critical", 0, { callHash: "call-2" }),
      false,
    ],
  ];
  it.each(grantCases)("%s → satisfied: %s", (_title, minimumLevel, grant, satisfied) => {
    const decision = decide(minimumLevel, { grants: [grant] });
    expect(decision.required).toBe(!satisfied);
    expect(decision.satisfiedBy).toEqual(satisfied ? { kind: "grant", grantId: grant.id, consume: false } : null);
  });

  it.each<[string, Level, GrantSnapshot, boolean]>([
    [
      "satisfies its own call after the level dropped to high, and is consumed",
      "high",
      makeGrant("critical", 0, { callHash: "call-1" }),
      true,
    ],
    ["satisfies its own call at medium", "medium", makeGrant("critical", GRACE, { callHash: "call-1" }), true],
    [
      "keeps the critical window at a lower level",
      "high",
      makeGrant("critical", GRACE + 1, { callHash: "call-1" }),
      false,
    ],
    [
      "is not reusable once consumed, even at a lower level",
      "high",
      makeGrant("critical", 0, { callHash: "call-1", consumedAt: NOW }),
      false,
    ],
  ])("a critical grant %s", (_title, minimumLevel, grant, satisfied) => {
    expect(decide(minimumLevel, { grants: [grant] }).satisfiedBy).toEqual(
      satisfied ? { kind: "grant", grantId: grant.id, consume: true } : null,
    );
  });

  it("prefers the call-bound critical grant over a reusable one, so it is used up", () => {
    const grants = [
      makeGrant("high", 0, { id: "reusable" }),
      makeGrant("critical", 0, { id: "bound", callHash: "call-1" }),
    ];
    expect(decide("high", { grants }).satisfiedBy).toEqual({ kind: "grant", grantId: "bound", consume: true });
  });

  it("uses the most recent of several usable grants", () => {
    const grants = [makeGrant("medium", 5 * MINUTE, { id: "older" }), makeGrant("high", MINUTE, { id: "newer" })];
    expect(decide("medium", { grants }).satisfiedBy).toEqual({ kind: "grant", grantId: "newer", consume: false });
  });
});

describe("critical grants (one call, once)", () => {
  const grantCases: [string, GrantSnapshot, boolean][] = [
    ["the same call, unconsumed", makeGrant("critical", 0, { callHash: "call-1" }), true],
    ["the same call at the edge of the grace period", makeGrant("critical", GRACE, { callHash: "call-1" }), true],
    ["the same call after the grace period", makeGrant("critical", GRACE + 1, { callHash: "call-1" }), false],
    ["another call", makeGrant("critical", 0, { callHash: "call-2" }), false],
    ["an unbound critical grant", makeGrant("critical", 0, { callHash: null }), false],
    ["already consumed", makeGrant("critical", 0, { callHash: "call-1", consumedAt: NOW }), false],
    ["another session", makeGrant("critical", 0, { callHash: "call-1", sessionId: "session-2" }), false],
    ["a fresh high grant", makeGrant("high", 0), false],
  ];
  it.each(grantCases)("%s → satisfied: %s", (_title, grant, satisfied) => {
    const decision = decide("critical", { grants: [grant] });
    expect(decision.required).toBe(!satisfied);
    expect(decision.satisfiedBy).toEqual(satisfied ? { kind: "grant", grantId: grant.id, consume: true } : null);
  });

  it("is never bypassed by a remembered device", () => {
    const device: RememberedDeviceSnapshot = { id: "device-1", level: "high", expiresAt: NOW + MINUTE };
    expect(decide("critical", { device }).required).toBe(true);
  });
});

describe("auth_age rules", () => {
  const authAge = (maxAgeSeconds: number, pattern = "transfers.*"): Rule => ({
    kind: "auth_age",
    pattern,
    maxAgeSeconds,
    level: "medium",
  });

  it.each<[string, Level, number, Rule, number, boolean]>([
    ["tighten medium to 60 s: a 30 s old grant passes", "medium", 30 * SECOND_MS, authAge(60), 60_000, true],
    ["tighten medium to 60 s: a 2 min old grant fails", "medium", 2 * MINUTE, authAge(60), 60_000, false],
    ["tighten high to 60 s", "high", 2 * MINUTE, authAge(60), 60_000, false],
    ["never widen high to an hour", "high", 10 * MINUTE, authAge(3600), 5 * MINUTE, false],
    ["only apply to matching procedures", "medium", 2 * MINUTE, authAge(60, "account.*"), 15 * MINUTE, true],
  ])("%s", (_title, minimumLevel, grantAge, rule, windowMs, satisfied) => {
    const grantLevel = minimumLevel === "high" ? "high" : "medium";
    const decision = decide(minimumLevel, {
      policies: [makePolicy([rule])],
      grants: [makeGrant(grantLevel, grantAge)],
    });
    expect(decision.windowMs).toBe(windowMs);
    expect(decision.required).toBe(!satisfied);
  });

  it("raise a call to the rule's level", () => {
    expect(decide("low", { policies: [makePolicy([authAge(60)])] }).level).toBe("medium");
  });
});

describe("remembered devices", () => {
  const device = (level: "medium" | "high", expiresAt = NOW + MINUTE): RememberedDeviceSnapshot => ({
    id: `device-${level}`,
    level,
    expiresAt,
  });

  it.each<[string, Level, RememberedDeviceSnapshot, number, boolean]>([
    ["a medium device bypasses medium", "medium", device("medium"), 0, true],
    ["a high device bypasses medium", "medium", device("high"), 0, true],
    ["a high device bypasses high", "high", device("high"), 0, true],
    ["a medium device never bypasses high", "high", device("medium"), 0, false],
    ["an expired device", "medium", device("medium", NOW), 0, false],
    ["just under the risk limit", "medium", device("high"), 0.69, true],
    ["at the risk limit (0.7)", "medium", device("high"), 0.7, false],
    ["above the risk limit", "medium", device("high"), 0.95, false],
  ])("%s → bypass: %s", (_title, minimumLevel, dev, risk, bypass) => {
    const decision = decide(minimumLevel, { device: dev, context: makeContext({ risk }) });
    expect(decision.satisfiedBy).toEqual(bypass ? { kind: "device", deviceId: dev.id } : null);
  });

  it("never bypasses when remembered devices are disabled", () => {
    const config = parseConfig({ rememberDevice: { enabled: false } });
    expect(decide("medium", { device: device("high") }, config).required).toBe(true);
  });

  it("is checked after grants", () => {
    const grant = makeGrant("medium", 0);
    expect(decide("medium", { device: device("high"), grants: [grant] }).satisfiedBy).toEqual({
      kind: "grant",
      grantId: grant.id,
      consume: false,
    });
  });
});

describe("methods offered", () => {
  const available = (...methods: MethodId[]) => new Set(methods);

  it.each<[string, Level, Set<MethodId>, StepUpConfig, MethodId[][], boolean]>([
    [
      "every default high combination when all are enrolled",
      "high",
      available("password", "totp", "passkey", "backup_code", "email_code"),
      DEFAULT_CONFIG,
      [["passkey"], ["password", "totp"], ["password", "backup_code"]],
      false,
    ],
    [
      "only combinations the user can complete",
      "high",
      available("password", "totp"),
      DEFAULT_CONFIG,
      [["password", "totp"]],
      false,
    ],
    [
      "refuse: nothing when high is out of reach",
      "high",
      available("password", "email_code"),
      DEFAULT_CONFIG,
      [],
      false,
    ],
    [
      "refuse: nothing for critical without a passkey",
      "critical",
      available("password", "totp"),
      DEFAULT_CONFIG,
      [],
      false,
    ],
    [
      "degrade: high falls back to a medium factor the user holds",
      "high",
      available("totp"),
      DEGRADE,
      [["totp"]],
      true,
    ],
    ["degrade floor: high never falls back to an email code", "high", available("email_code"), DEGRADE, [], false],
    [
      "degrade: critical falls back to high first",
      "critical",
      available("password", "totp"),
      DEGRADE,
      [["password", "totp"]],
      true,
    ],
    [
      "degrade floor: critical never falls back to medium, nor to one factor",
      "critical",
      available("password", "totp", "email_code"),
      DEGRADE,
      [["password", "totp"]],
      true,
    ],
    ["degrade floor: critical with a password alone is refused", "critical", available("password"), DEGRADE, [], false],
    [
      "degrade: not when the level is reachable",
      "critical",
      available("passkey", "password"),
      DEGRADE,
      [["passkey"]],
      false,
    ],
    ["degrade: nothing when no method is enrolled", "medium", available(), DEGRADE, [], false],
  ])("%s", (_title, minimumLevel, availableMethods, config, methods, degraded) => {
    const decision = decide(minimumLevel, { availableMethods }, config);
    expect(decision.methods).toEqual(methods);
    expect(decision.degraded).toBe(degraded);
    expect(decision.required).toBe(true);
  });
});

describe("decision details", () => {
  it.each<[string, Level, number, StepUpConfig, boolean]>([
    ["medium", "medium", 0, DEFAULT_CONFIG, true],
    ["high", "high", 0, DEFAULT_CONFIG, true],
    ["critical", "critical", 0, DEFAULT_CONFIG, false],
    ["a risky call", "medium", 0.7, DEFAULT_CONFIG, false],
    ["remembered devices disabled", "medium", 0, parseConfig({ rememberDevice: { enabled: false } }), false],
  ])("canRemember for %s → %s", (_title, minimumLevel, risk, config, canRemember) => {
    expect(decide(minimumLevel, { context: makeContext({ risk }) }, config).canRemember).toBe(canRemember);
  });

  it("a degraded verification can never trust the device", () => {
    const decision = decide("high", { availableMethods: new Set<MethodId>(["backup_code"]) }, DEGRADE);
    expect(decision.degraded).toBe(true);
    expect(decision.canRemember).toBe(false);
    expect(decide("high", { availableMethods: new Set<MethodId>(["password", "totp"]) }, DEGRADE).canRemember).toBe(
      true,
    );
  });

  it("explains the action and the check in plain words in the reason, never a level's name", () => {
    const context = makeContext({ action: "Transferring 5,000.00 USD", amount: { value: 5000, currency: "USD" } });
    const high = [makePolicy([{ kind: "amount", min: 1000, currency: "USD", level: "high" }])];
    expect(decide("medium", { context, policies: high }).reason).toBe(
      "Transferring 5,000.00 USD needs a strong check that it's you",
    );
    const critical = [makePolicy([{ kind: "amount", min: 1000, currency: "USD", level: "critical" }])];
    expect(decide("medium", { context, policies: critical }).reason).toBe(
      "Transferring 5,000.00 USD needs your approval, for this action only",
    );
    expect(decide("medium", { context }).reason).not.toMatch(/assurance|medium/);
  });

  it("passes on the author's reason of the rule that set the level, not of a lower one", () => {
    const policies = [
      makePolicy([
        { kind: "procedure", pattern: "**", level: "medium", description: "Everything is checked" },
        { kind: "procedure", pattern: "**", level: "high", description: "Transfers are checked closely" },
      ]),
    ];
    expect(ruleReason(decide("low", { policies }))).toBe("Transfers are checked closely");
    const unexplained = [makePolicy([{ kind: "procedure", pattern: "**", level: "high" }])];
    expect(ruleReason(decide("low", { policies: unexplained }))).toBeNull();
  });

  it("falls back to a generic reason without an action", () => {
    expect(decide("medium").reason).toBe("This action needs a quick check that it's you");
  });

  it.each<[Level, number]>([
    ["medium", 15 * MINUTE],
    ["high", 5 * MINUTE],
    ["critical", 0],
  ])("the %s window is %i ms", (level, windowMs) => {
    expect(decide(level).windowMs).toBe(windowMs);
  });

  it.each<[string, GrantSnapshot[], Level]>([
    ["no grants", [], "low"],
    ["a fresh high grant", [makeGrant("high", MINUTE)], "high"],
    ["a high grant past the high window but inside medium's", [makeGrant("high", 10 * MINUTE)], "medium"],
    ["a stale medium grant", [makeGrant("medium", 20 * MINUTE)], "low"],
    ["a critical grant (single use)", [makeGrant("critical", 0, { callHash: "call-1" })], "low"],
    ["a grant from another session", [makeGrant("high", 0, { sessionId: "session-2" })], "low"],
  ])("currentLevel with %s is %s", (_title, grants, currentLevel) => {
    expect(decide("medium", { grants }).currentLevel).toBe(currentLevel);
  });
});
