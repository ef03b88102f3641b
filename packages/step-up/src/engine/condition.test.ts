import { describe, expect, it } from "vitest";
import { checkCondition, evaluateCondition } from "./condition";
import { makeContext } from "./test-fixtures";

describe("checkCondition", () => {
  it.each([
    "risk > 0.8 && amount.value > 1000",
    "hasResource && resource.action == 'delete'",
    "procedure.startsWith('account.')",
  ])("accepts %s", (expression) => {
    expect(checkCondition(expression)).toEqual({ ok: true });
  });

  it.each([
    ["a syntax error", "risk >", "Unexpected"],
    ["an unknown variable", "user.role == 'admin'", "Unknown variable: user"],
    ["a non-boolean type", "risk + 1.0", "Expression must be a boolean, not double"],
  ])("rejects %s with a message", (_title, expression, message) => {
    const result = checkCondition(expression);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toContain(message);
  });
});

describe("evaluateCondition", () => {
  it("returns the boolean result", () => {
    expect(evaluateCondition("risk >= 0.5", makeContext({ risk: 0.5 }))).toBe(true);
    expect(evaluateCondition("risk >= 0.5", makeContext({ risk: 0.4 }))).toBe(false);
  });

  it("throws when the result is not a boolean, so callers fail closed", () => {
    expect(() => evaluateCondition("amount.value", makeContext({ amount: { value: 5, currency: "USD" } }))).toThrow(
      /boolean/,
    );
  });

  it("reuses the compiled expression across contexts", () => {
    const expression = "amount.value > 100";
    expect(evaluateCondition(expression, makeContext({ amount: { value: 101, currency: "USD" } }))).toBe(true);
    expect(evaluateCondition(expression, makeContext({ amount: { value: 99, currency: "USD" } }))).toBe(false);
  });
});
