import { describe, expect, it } from "vitest";
import { floorViolation, meetsFloor, withinFloor } from "./floor";
import type { Combination, StepUpLevel } from "./levels";

describe("meetsFloor: what no configuration can make a level accept", () => {
  it.each<[StepUpLevel, Combination, boolean]>([
    ["medium", ["email_code"], true],
    ["medium", ["password"], true],
    ["high", ["email_code"], false],
    ["high", ["password", "email_code"], false],
    ["high", ["password"], false],
    ["high", ["totp"], true],
    ["high", ["backup_code"], true],
    ["high", ["passkey"], true],
    ["high", ["password", "totp"], true],
    ["critical", ["passkey"], true],
    ["critical", ["password", "totp"], true],
    ["critical", ["password", "backup_code"], true],
    ["critical", ["totp"], false],
    ["critical", ["password"], false],
    ["critical", ["backup_code"], false],
    ["critical", ["totp", "backup_code"], false],
    ["critical", ["password", "email_code"], false],
    ["critical", ["email_code", "totp"], false],
  ])("%s accepts %j: %s", (level, combination, expected) => {
    expect(meetsFloor(level, combination)).toBe(expected);
    expect(floorViolation(level, combination) === null).toBe(expected);
  });

  it("says why, in words an operator reading a config error understands", () => {
    expect(floorViolation("high", ["email_code"])).toMatch(/email codes are never accepted above medium/);
    expect(floorViolation("critical", ["totp"])).toMatch(/two kinds of factor/);
    expect(floorViolation("high", ["password"])).toMatch(/password alone/);
  });

  it("withinFloor keeps the acceptable combinations in order", () => {
    expect(withinFloor("high", [["email_code"], ["totp"], ["password"], ["backup_code"]])).toEqual([
      ["totp"],
      ["backup_code"],
    ]);
  });
});
