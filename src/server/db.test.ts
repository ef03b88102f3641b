import { describe, expect, it } from "vitest";
import { databaseTimeoutsFromEnv, DEFAULT_DATABASE_TIMEOUTS } from "./db";

describe("database timeouts (ADR 026)", () => {
  it("default so that a hung database answers 503 within 5 s: one connect or one query, never both", () => {
    expect(DEFAULT_DATABASE_TIMEOUTS).toEqual({ connectMs: 2_000, queryMs: 4_000, statementMs: 3_000, busyMs: 3_000 });
    const { connectMs, queryMs, statementMs, busyMs } = DEFAULT_DATABASE_TIMEOUTS;
    expect(Math.max(connectMs, queryMs, busyMs)).toBeLessThan(5_000);
    // The server cancels a slow statement (connection kept) before the client gives up on the connection.
    expect(statementMs).toBeLessThan(queryMs);
  });

  it("reads the environment, and refuses a value that is not a positive number of milliseconds", () => {
    expect(databaseTimeoutsFromEnv({ DATABASE_QUERY_TIMEOUT_MS: "1500", DATABASE_BUSY_TIMEOUT_MS: "" })).toEqual({
      ...DEFAULT_DATABASE_TIMEOUTS,
      queryMs: 1_500,
    });
    expect(() => databaseTimeoutsFromEnv({ DATABASE_CONNECT_TIMEOUT_MS: "2s" })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
    expect(() => databaseTimeoutsFromEnv({ DATABASE_STATEMENT_TIMEOUT_MS: "0" })).toThrow(/positive/);
  });
});
