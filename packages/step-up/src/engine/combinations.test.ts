import { describe, expect, it } from "vitest";
import { completedCombination, remainingMethods, selectCombinations } from "./combinations";
import { DEFAULT_CONFIG, parseConfig } from "./config";
import type { MethodId } from "./levels";

const HIGH = DEFAULT_CONFIG.levels.high.combinations;
const CRITICAL = DEFAULT_CONFIG.levels.critical.combinations;
const verified = (...methods: MethodId[]) => new Set(methods);

describe("completedCombination", () => {
  it.each<[string, readonly (readonly MethodId[])[], Set<MethodId>, readonly MethodId[] | null]>([
    ["nothing verified", HIGH, verified(), null],
    ["half of password+totp", HIGH, verified("password"), null],
    ["password+totp", HIGH, verified("password", "totp"), ["password", "totp"]],
    ["password+backup_code", HIGH, verified("backup_code", "password"), ["password", "backup_code"]],
    ["a passkey alone", HIGH, verified("passkey"), ["passkey"]],
    ["an email code never completes high", HIGH, verified("email_code"), null],
    ["methods from two different combinations", HIGH, verified("totp", "backup_code"), null],
    ["extra methods do not hurt", HIGH, verified("email_code", "password", "totp"), ["password", "totp"]],
    ["the first complete combination in configured order", HIGH, verified("password", "totp", "passkey"), ["passkey"]],
    [
      "every other method together never completes critical",
      CRITICAL,
      verified("password", "totp", "backup_code", "email_code"),
      null,
    ],
  ])("%s", (_title, combinations, done, expected) => {
    expect(completedCombination(combinations, done)).toEqual(expected);
  });
});

describe("remainingMethods", () => {
  it.each<[string, Set<MethodId>, MethodId[][]]>([
    [
      "nothing verified lists every combination",
      verified(),
      [["passkey"], ["password", "totp"], ["password", "backup_code"]],
    ],
    ["after a password, a second factor", verified("password"), [["totp"], ["backup_code"]]],
    ["after totp, the password", verified("totp"), [["password"]]],
    ["a completed combination leaves an empty list", verified("passkey"), [[]]],
    ["a method in no combination leaves no way forward", verified("email_code"), []],
  ])("%s", (_title, done, expected) => {
    expect(remainingMethods(HIGH, done)).toEqual(expected);
  });

  it("does not modify the configured combinations", () => {
    remainingMethods(HIGH, verified("password"));
    expect(DEFAULT_CONFIG.levels.high.combinations).toEqual([
      ["passkey"],
      ["password", "totp"],
      ["password", "backup_code"],
    ]);
  });
});

describe("selectCombinations", () => {
  const DEGRADE = parseConfig({ onUnavailable: "degrade" });
  type Row = [string, "medium" | "high" | "critical", Set<MethodId>, "refuse" | "degrade", MethodId[][], boolean];

  it.each<Row>([
    [
      "keeps only completable combinations",
      "high",
      verified("password", "backup_code", "email_code"),
      "refuse",
      [["password", "backup_code"]],
      false,
    ],
    ["refuses with none when nothing is completable", "high", verified("email_code"), "refuse", [], false],
    ["refuse: a critical level is never degraded", "critical", verified("password", "totp"), "refuse", [], false],
    ["medium has nothing weaker to degrade to", "medium", verified(), "degrade", [], false],
    [
      "not degraded when the level itself is reachable",
      "high",
      verified("passkey", "totp"),
      "degrade",
      [["passkey"]],
      false,
    ],
  ])("%s", (_title, level, available, mode, combinations, degraded) => {
    const config = mode === "degrade" ? DEGRADE : DEFAULT_CONFIG;
    expect(selectCombinations(level, available, config)).toEqual({ combinations, degraded });
  });

  // The floor (ADR 011): a degraded level takes only the next lower level's combinations, and only those
  // the level itself could accept: never an email code above medium, never one kind of factor for critical.
  it.each<Row>([
    [
      "critical degrades to high's multi-factor combinations",
      "critical",
      verified("password", "totp", "backup_code", "email_code"),
      "degrade",
      [
        ["password", "totp"],
        ["password", "backup_code"],
      ],
      true,
    ],
    [
      "critical never degrades to a password or an email code",
      "critical",
      verified("password", "email_code"),
      "degrade",
      [],
      false,
    ],
    ["critical never degrades to one possession factor", "critical", verified("totp"), "degrade", [], false],
    ["critical never skips high for medium", "critical", verified("totp", "backup_code"), "degrade", [], false],
    ["high never degrades to an email code", "high", verified("email_code"), "degrade", [], false],
    ["high never degrades to a password alone", "high", verified("password", "email_code"), "degrade", [], false],
    [
      "high may degrade to a factor the user holds",
      "high",
      verified("totp", "email_code"),
      "degrade",
      [["totp"]],
      true,
    ],
  ])("floor: %s", (_title, level, available, mode, combinations, degraded) => {
    const config = mode === "degrade" ? DEGRADE : DEFAULT_CONFIG;
    expect(selectCombinations(level, available, config)).toEqual({ combinations, degraded });
  });

  it("floor: a configuration that lists an email code for high cannot make the engine offer it", () => {
    const config = {
      ...DEGRADE,
      levels: { ...DEGRADE.levels, high: { windowMs: 1, combinations: [["email_code" as const]] } },
    };
    expect(selectCombinations("high", verified("email_code"), config)).toEqual({ combinations: [], degraded: false });
  });
});
