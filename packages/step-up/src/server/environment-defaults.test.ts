import { afterEach, describe, expect, it, vi } from "vitest";
import { STEP_UP_MODELS } from "./db";
import { createStepUpServices } from "./services";

/** createStepUp's defaults from the environment (README "Add step-up to your app"): no secret or origin in code. */
describe("environment defaults", () => {
  // The services only check the client's shape at construction; nothing here reaches a database.
  const db = Object.fromEntries([["$transaction", () => undefined], ...STEP_UP_MODELS.map((model) => [model, {}])]);
  const options = {
    db: db as never,
    users: { find: async () => null, verifyPassword: async () => false },
  };
  const router = () => ({}) as never;
  afterEach(() => vi.unstubAllEnvs());

  it("reads STEP_UP_SECRET when `secret` is not passed, and names it when missing", () => {
    vi.stubEnv("STEP_UP_SECRET", "ab".repeat(32));
    const services = createStepUpServices(options, router);
    expect(services.crypto.decrypt(services.crypto.encrypt("totp"))).toBe("totp");

    vi.stubEnv("STEP_UP_SECRET", "");
    expect(() => createStepUpServices(options, router).crypto.check()).toThrow(/STEP_UP_SECRET is required/);
  });

  it("reads STEP_UP_ORIGIN when `relyingParty` is not passed; in production its absence fails on first use, naming it", () => {
    vi.stubEnv("STEP_UP_ORIGIN", "https://app.example");
    expect(createStepUpServices({ ...options, production: true }, router).relyingParty).toMatchObject({
      id: "app.example",
      origins: ["https://app.example"],
    });

    vi.stubEnv("STEP_UP_ORIGIN", "");
    // `next build` imports it: no throw
    const services = createStepUpServices({ ...options, production: true }, router);
    expect(() => services.relyingParty).toThrow(/STEP_UP_ORIGIN/);
  });
});
