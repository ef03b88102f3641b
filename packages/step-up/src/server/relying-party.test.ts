import { describe, expect, it } from "vitest";
import { resolveRelyingParty } from "./relying-party";

describe("relying party option", () => {
  it("defaults to localhost outside production", () => {
    expect(resolveRelyingParty(undefined, false, {})).toEqual({
      id: "localhost",
      name: "Step-up (development)",
      origins: ["http://localhost:3000"],
    });
  });

  it("is required in production, naming the variable that gives it", () => {
    expect(() => resolveRelyingParty(undefined, true, {})).toThrow(
      /relyingParty.*STEP_UP_ORIGIN.*required in production/,
    );
  });

  it("reads STEP_UP_ORIGIN (and STEP_UP_RP_ID, STEP_UP_RP_NAME) when the option is not passed", () => {
    expect(
      resolveRelyingParty(undefined, true, { STEP_UP_ORIGIN: "https://app.example,https://www.app.example" }),
    ).toEqual({ id: "app.example", name: "app.example", origins: ["https://app.example", "https://www.app.example"] });
    const env = { STEP_UP_ORIGIN: "https://www.app.example", STEP_UP_RP_ID: "app.example", STEP_UP_RP_NAME: "App" };
    expect(resolveRelyingParty(undefined, true, env)).toEqual({
      id: "app.example",
      name: "App",
      origins: ["https://www.app.example"],
    });
    // The option wins over the environment.
    const option = { id: "bank.example", name: "Bank", origin: "https://bank.example" };
    expect(resolveRelyingParty(option, true, env).id).toBe("bank.example");
    // Outside production too: `next start` on another port is served from STEP_UP_ORIGIN.
    expect(resolveRelyingParty(undefined, false, { STEP_UP_ORIGIN: "http://localhost:4900" }).origins).toEqual([
      "http://localhost:4900",
    ]);
  });

  it("refuses a STEP_UP_ORIGIN that is not a URL, naming it", () => {
    expect(() => resolveRelyingParty(undefined, true, { STEP_UP_ORIGIN: "app.example" })).toThrow(/STEP_UP_ORIGIN/);
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
