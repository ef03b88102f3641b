import { afterEach, describe, expect, it, vi } from "vitest";
import { demoSecret, keyedHashHex } from "./crypto";

/** The development key is in the source: production never uses it unless told to, loudly. */
const saved = { ...process.env };
function setEnv(env: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

describe("the encryption key", () => {
  afterEach(() => {
    process.env = { ...saved };
    vi.restoreAllMocks();
  });

  it("production without STEP_UP_ENCRYPTION_KEY refuses, even with STEP_UP_DEMO=1", () => {
    setEnv({
      NODE_ENV: "production",
      STEP_UP_DEMO: "1",
      STEP_UP_ENCRYPTION_KEY: undefined,
      STEP_UP_ALLOW_DEV_KEY: undefined,
    });
    expect(() => demoSecret()).toThrow(/STEP_UP_ENCRYPTION_KEY must be set/);
    expect(() => keyedHashHex("email-code", "x")).toThrow(/STEP_UP_ENCRYPTION_KEY must be set/);
  });

  it("production uses the development key only with STEP_UP_ALLOW_DEV_KEY=1, and says so on stderr", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    setEnv({ NODE_ENV: "production", STEP_UP_ENCRYPTION_KEY: undefined, STEP_UP_ALLOW_DEV_KEY: "1" });
    expect(demoSecret()).toMatch(/^[0-9a-f]{64}$/);
    expect(write).toHaveBeenCalledWith(expect.stringMatching(/development encryption key.*STEP_UP_ALLOW_DEV_KEY/));
  });

  it("a real key is used as given, and a malformed one is refused", () => {
    setEnv({ NODE_ENV: "production", STEP_UP_ENCRYPTION_KEY: "ab".repeat(32) });
    expect(demoSecret()).toBe("ab".repeat(32));
    setEnv({ STEP_UP_ENCRYPTION_KEY: "nothex" });
    expect(() => demoSecret()).toThrow(/64 hex characters/);
  });

  it("outside production the development key needs no flag", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    setEnv({ NODE_ENV: "test", STEP_UP_ENCRYPTION_KEY: undefined, STEP_UP_ALLOW_DEV_KEY: undefined });
    expect(demoSecret()).toMatch(/^[0-9a-f]{64}$/);
    expect(write).not.toHaveBeenCalled();
  });
});
