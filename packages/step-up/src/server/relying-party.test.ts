import { describe, expect, it } from "vitest";
import { loadRelyingParty } from "./relying-party";

describe("relying party configuration", () => {
  it("defaults to localhost for development", () => {
    expect(loadRelyingParty({})).toEqual({ id: "localhost", name: "Step-up demo", origins: ["http://localhost:3000"] });
  });

  it("reads rp ID, name and a comma-separated list of origins", () => {
    const env = {
      STEP_UP_RP_ID: "bank.example",
      STEP_UP_RP_NAME: "Bank",
      STEP_UP_ORIGIN: "https://bank.example, https://www.bank.example ,",
    };
    expect(loadRelyingParty(env)).toEqual({
      id: "bank.example",
      name: "Bank",
      origins: ["https://bank.example", "https://www.bank.example"],
    });
  });
});
