import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { stepUpFailure } from "./errors";
import {
  isDatabaseUnavailable,
  retryAfterOf,
  trpcFailureHandling,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from "./unavailable";

const withCode = (message: string, code: string, extra: object = {}) =>
  Object.assign(new Error(message), { code, ...extra });
// The shapes Prisma 6.19 with its pg and better-sqlite3 adapters throws (seen against a stopped server).
const prisma = (code: string, kind: string, cause: object = {}) =>
  Object.assign(new Error("Invalid `prisma.user.count()` invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind, ...cause } } },
  });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["pg: server gone", new Error("Connection terminated unexpectedly")],
    ["pg: connect timeout", new Error("Connection terminated due to connection timeout")],
    ["pg: query timeout (hung server)", new Error("Query read timeout")],
    ["pg: pool exhausted", new Error("timeout exceeded when trying to connect")],
    ["pg: statement_timeout", withCode("canceling statement due to statement timeout", "57014")],
    ["pg: admin shutdown", withCode("terminating connection due to administrator command", "57P01")],
    ["pg: starting up", withCode("the database system is starting up", "57P03")],
    ["pg: connection exception class 08", withCode("connection failure", "08006")],
    ["pg: too many connections", withCode("sorry, too many clients already", "53300")],
    ["socket refused", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["socket refused on every address", new AggregateError([withCode("x", "ECONNREFUSED")], "")],
    ["Prisma: can't reach", prisma("P1001", "DatabaseNotReachable")],
    ["Prisma: raw query, unreachable", prisma("P2010", "DatabaseNotReachable")],
    ["Prisma: pool timeout", withCode("Timed out fetching a new connection", "P2024")],
    ["Prisma: SQLITE_BUSY", prisma("P2010", "SocketTimeout")],
    ["Prisma: postgres shutdown", prisma("P2010", "postgres", { code: "57P01" })],
    ["better-sqlite3: busy", withCode("database is locked", "SQLITE_BUSY")],
    ["better-sqlite3: I/O", withCode("disk I/O error", "SQLITE_IOERR_WRITE")],
    ["wrapped by tRPC", new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("Query read timeout") })],
  ])("%s: unavailable", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prisma("P2002", "UniqueConstraintViolation")],
    ["a syntax error", withCode("syntax error at or near", "42601")],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["a refused call", stepUpFailure({ code: "LOCKED", scope: "user", retryAfter: 9 })],
    ["a number", 57014],
    ["null", null],
  ])("%s: not unavailable", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("a cycle of causes ends", () => {
    const a: Error & { cause?: unknown } = new Error("a");
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("tRPC failure handling", () => {
  it("logs a 5xx once however often tRPC reports it (a batch reports its context error per call)", () => {
    const lines: string[] = [];
    const { onError } = trpcFailureHandling((error, event) => lines.push(`${event.event} ${String(error)}`));
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("Query read timeout") });
    for (const path of ["a", "b", "c"]) onError({ error, path });
    onError({ error: new TRPCError({ code: "BAD_REQUEST" }), path: "d" });
    expect(lines).toEqual([expect.stringMatching(/^trpc\.unavailable /)]);
  });

  it("Retry-After only for a transient failure", () => {
    expect(retryAfterOf(stepUpFailure({ code: "UNAVAILABLE", retryAfter: 7 }))).toBe(7);
    expect(retryAfterOf(new Error("Connection terminated unexpectedly"))).toBe(UNAVAILABLE_RETRY_AFTER_SECONDS);
    // "No mailer": a method that is not offered, not a database that will come back.
    expect(retryAfterOf(stepUpFailure({ code: "UNAVAILABLE" }))).toBeNull();
  });
});
