import { describe, expect, it } from "vitest";
import { createRule, RULE_KINDS } from "./rule-defaults";
import { checkRules, checkRulesJson } from "./validate-rules";

describe("rule validation in the policy form", () => {
  it("names the rule and the field of each problem", () => {
    const check = checkRules([
      { kind: "procedure", pattern: "a.*", level: "high" },
      { kind: "amount", min: 500, max: 100, level: "high" },
    ]);
    expect(check).toEqual({ ok: false, problems: ["Rule 2, max: min must be lower than max"] });
  });

  it("flags a context condition that does not parse, like the server does on save", () => {
    const check = checkRules([{ kind: "condition", expression: "risk > ", level: "high" }]);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems[0]).toMatch(/^Rule 1, expression: /);
  });

  it("tells JSON syntax errors apart from schema errors", () => {
    expect(checkRulesJson("[{")).toMatchObject({ ok: false, problems: [expect.stringMatching(/^Not valid JSON: /)] });
    expect(checkRulesJson('{"kind":"risk"}')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^Rules: /)],
    });
    expect(checkRulesJson('[{"kind":"risk","minScore":0.9,"level":"critical"}]')).toEqual({
      ok: true,
      rules: [{ kind: "risk", minScore: 0.9, level: "critical" }],
    });
  });

  it("starts every kind the editor offers from a rule that needs at most its text fields filled", () => {
    for (const { kind } of RULE_KINDS) {
      const rule = createRule(kind);
      const check = checkRules([rule]);
      const needsText = kind === "procedure" || kind === "resource" || kind === "auth_age" || kind === "condition";
      expect(check.ok, kind).toBe(!needsText);
    }
  });
});
