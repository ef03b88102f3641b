import { describe, expect, it } from "vitest";
import { resolveRelyingParty } from "./relying-party";

describe("relying party option", () => {
  it("defaults to localhost outside production", () => {
    expect(resolveRelyingParty(undefined, false)).toEqual({
      id: "localhost",
      name: "Step-up (development)",
      origins: ["http://localhost:3000"],
    });
  });

  it("is required in production", () => {
    expect(() => resolveRelyingParty(undefined, true)).toThrow(/relyingParty.*required in production/);
  });

  it("takes one origin, a comma-separated list or an array", () => {
    const option = { id: "bank.example", name: "Bank", origin: "https://bank.example, https://www.bank.example ," };
    expect(resolveRelyingParty(option, true)).toEqual({
      id: "bank.example",
      name: "Bank",
      origins: ["https://bank.example", "https://www.bank.example"],
    });
    expect(resolveRelyingParty({ ...option, origin: ["https://a.example"] }, true).origins).toEqual([
      "https://a.example",
    ]);
  });

  it("refuses an empty origin list", () => {
    expect(() => resolveRelyingParty({ id: "x", name: "X", origin: " , " }, false)).toThrow(/at least one origin/);
  });
});
