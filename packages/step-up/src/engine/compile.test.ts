import { describe, expect, it } from "vitest";
import { compilePolicies } from "./compile";
import { DEFAULT_CONFIG } from "./config";
import { evaluate } from "./evaluate";
import type { Rule } from "./rules";
import { makeInput, makePolicy } from "./test-fixtures";

/** A procedure rule that counts how often its description is read. */
function countingRule(): { rule: Rule; reads: () => number } {
  let reads = 0;
  const rule = {
    kind: "procedure" as const,
    pattern: "transfers.*",
    level: "high" as const,
    get description() {
      reads++;
      return "Money moves";
    },
  };
  return { rule, reads: () => reads };
}

describe("compiled policies: descriptions", () => {
  it("are built only when a decision's match is read, then once for every later decision", () => {
    const { rule, reads } = countingRule();
    const policies = compilePolicies([makePolicy([rule])]);
    const first = evaluate(makeInput({ policies }), DEFAULT_CONFIG);
    const second = evaluate(makeInput({ policies }), DEFAULT_CONFIG);
    expect(reads()).toBe(0);
    expect(first.matchedRules[0]?.description).toBe("Money moves");
    expect(second.matchedRules[0]?.description).toBe("Money moves");
    expect(reads()).toBe(1);
  });

  it("travel with a copy or JSON, as stored requirements and audit rows take them", () => {
    const policies = compilePolicies([makePolicy([{ kind: "procedure", pattern: "transfers.*", level: "high" }])]);
    const [match] = evaluate(makeInput({ policies }), DEFAULT_CONFIG).matchedRules;
    expect({ ...match }).toMatchObject({ description: "Procedures matching transfers.*" });
    expect(JSON.parse(JSON.stringify(match))).toMatchObject({ description: "Procedures matching transfers.*" });
  });

  it("belong to a match record shared by decisions, which no caller can change", () => {
    const policies = compilePolicies([makePolicy([{ kind: "procedure", pattern: "transfers.*", level: "high" }])]);
    const [first] = evaluate(makeInput({ policies }), DEFAULT_CONFIG).matchedRules;
    const [second] = evaluate(makeInput({ policies }), DEFAULT_CONFIG).matchedRules;
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});
