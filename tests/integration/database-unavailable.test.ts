import Database3 from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "@/server/auth/session";
import { createDatabase, type Database } from "@/server/db";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { getStepUpPayload } from "@step-up/next/client";
import type { StepUpDatabase as ModuleDatabase } from "@step-up/next/testing/server";
import { bumpPolicyRevision } from "@step-up/next/server";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { createClock, createTestApp, createTestDatabaseUrl, signedIn, testDialect, type Client } from "./harness";
import { APP_ORIGIN } from "./http-support";

/** The request headers Next's `headers()` returns inside the Server Action. */
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

/**
 * The database goes away (PostgreSQL: a proxy in front of it stops or hangs; SQLite: another process holds
 * the write lock) while a signed-in user calls protected paths over HTTP: every path answers 503 with
 * `stepUp.code = "UNAVAILABLE"` and Retry-After, fast, logs the failure once with its cause, and works again
 * as soon as the database is back (ADR 026). Short timeouts keep the file fast; the defaults are pinned in
 * src/server/db.test.ts.
 */
const url = createTestDatabaseUrl();
const healthy = createDatabase(url);
const postgres = testDialect() === "postgres";
const TIMEOUTS = { connectMs: 300, queryMs: 600, statementMs: 500, busyMs: 200 };
const FAST_ENOUGH_MS = 2_500;

let proxy: TcpProxy | null = null;
let faulty: Database;
let lock: Database3.Database | null = null;

/** What a fault does to the app's database, and how it is undone. */
const faults = {
  async stop() {
    if (proxy) await proxy.stop();
    else holdSqliteLock();
  },
  async start() {
    if (proxy) await proxy.start();
    else releaseSqliteLock();
  },
};
function holdSqliteLock() {
  lock = new Database3(url.slice("file:".length));
  lock.exec("BEGIN EXCLUSIVE");
}
function releaseSqliteLock() {
  lock?.exec("ROLLBACK");
  lock?.close();
  lock = null;
}

beforeAll(async () => {
  if (postgres) {
    const target = new URL(url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    faulty = createDatabase(proxy.url(url), { timeouts: TIMEOUTS });
  } else faulty = createDatabase(url, { timeouts: TIMEOUTS });
});
afterAll(async () => {
  releaseSqliteLock();
  proxy?.resume();
  await proxy?.start().catch(() => undefined);
  await faulty.$disconnect();
  await healthy.$disconnect();
  await proxy?.close();
});

describe("a database that is down or hung: 503 UNAVAILABLE on every protected path, then recovery", () => {
  const clock = createClock();
  let alice: Client;
  let lines: string[] = [];
  const app = () => createTestApp(faulty, clock);
  let server: ReturnType<typeof app>;
  let trpc: (req: Request) => Promise<Response>;

  beforeAll(async () => {
    alice = await signedIn(healthy, clock, "alice@example.com");
    server = app();
    trpc = createTrpcHandler(server, { allowedOrigins: [APP_ORIGIN] });
    // Warm up: the pool holds a connection, so the faults below hit an open one as well as new ones.
    expect((await callTrpc("profile.update", { name: "Alice Anders" })).status).toBe(200);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await faults.start();
    proxy?.resume();
  });

  function captureLog() {
    lines = [];
    const write = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk);
      if (text.includes('"source":"step-up"')) lines.push(text);
      else (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
      return true;
    });
  }
  const cookie = () => `${SESSION_COOKIE}=${encodeURIComponent(alice.cookies.get(SESSION_COOKIE)!)}`;
  const headers = () => ({ "content-type": "application/json", origin: APP_ORIGIN, cookie: cookie() });

  function callTrpc(path: string, input: unknown): Promise<Response> {
    return trpc(
      new Request(new URL(`/api/trpc/${path}`, APP_ORIGIN), {
        method: "POST",
        headers: headers(),
        body: JSON.stringify({ json: input }),
      }),
    );
  }
  function callRoute(body: unknown): Promise<Response> {
    return server.http.createTransfer(
      new Request(new URL("/api/v1/transfers", APP_ORIGIN), {
        method: "POST",
        headers: headers(),
        body: JSON.stringify(body),
      }),
    );
  }
  function callAction(input: { amount: number; currency: "USD"; to: string }) {
    request.headers = new Headers(headers());
    return server.http.createTransferAction(input);
  }

  /** Protected-call counts are written behind the call: written now, their flush cannot fail in the fault. */
  const flushCounts = () => server.stepUp.services.callStats.flush();

  /** Each protected path: 503, `stepUp.code` UNAVAILABLE, Retry-After, one log line with the cause. */
  async function expectUnavailableEverywhere() {
    const paths: Array<[string, () => Promise<Response>]> = [
      ["transfers.create", () => callTrpc("transfers.create", { amount: 100, currency: "USD", to: "Carol" })],
      ["profile.update", () => callTrpc("profile.update", { name: "Should not change" })],
      ["POST /api/v1/transfers", () => callRoute({ amount: 100, currency: "USD", to: "Carol" })],
    ];
    for (const [name, call] of paths) {
      captureLog();
      const started = Date.now();
      const response = await call();
      const error = await errorOf(response);
      expect({ name, status: response.status }).toEqual({ name, status: 503 });
      expect(getStepUpPayload(error)?.code).toBe("UNAVAILABLE");
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(error.message).not.toMatch(/Connection|timeout|SQLITE|locked|127\.0\.0\.1/i);
      expect(Date.now() - started).toBeLessThan(FAST_ENOUGH_MS);
      expect(lines, `${name}: one log line, not ${lines.join("")}`).toHaveLength(1);
      expect(lines[0]).toMatch(postgres ? /connect|terminated|timeout|reach/i : /busy|locked|timed out/i);
      vi.restoreAllMocks();
    }
    captureLog();
    const result = await callAction({ amount: 100, currency: "USD", to: "Carol" });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error).toMatchObject({ code: "UNAVAILABLE", data: { httpStatus: 503 } });
    expect(lines, "the Server Action: one log line").toHaveLength(1);
    vi.restoreAllMocks();
  }

  async function expectWorking() {
    const response = await callTrpc("profile.update", { name: "Alice Again" });
    expect(response.status).toBe(200);
    expect((await callRoute({ amount: 1, currency: "USD", to: "Carol" })).status).toBe(401); // step-up, not 5xx
  }

  it("stopped: every protected path answers 503 UNAVAILABLE with Retry-After, logged once with its cause", async () => {
    await flushCounts();
    await faults.stop();
    await expectUnavailableEverywhere();
    await faults.start();
    await expectWorking();
  });

  it.runIf(postgres)("hung (no byte moves): the same within the timeouts, and calls work once it answers", async () => {
    await flushCounts();
    proxy!.pause();
    await expectUnavailableEverywhere();
    proxy!.resume();
    await expectWorking();
  });

  it("a client error (malformed JSON) is a 400 and is not logged as a failure", async () => {
    captureLog();
    const response = await trpc(
      new Request(new URL("/api/trpc/profile.update", APP_ORIGIN), {
        method: "POST",
        headers: headers(),
        body: "{not json",
      }),
    );
    expect(response.status).toBe(400);
    expect(lines).toHaveLength(0);
  });

  it("an unexpected error that is not the database's stays a 500 on the tRPC route, and is logged once", async () => {
    const broken = createTrpcHandler(
      createTestApp(breaking(healthy, "user", "update", new Error("bug (injected)")), clock),
      {
        allowedOrigins: [APP_ORIGIN],
      },
    );
    captureLog();
    const response = await broken(
      new Request(new URL("/api/trpc/profile.update", APP_ORIGIN), {
        method: "POST",
        headers: headers(),
        body: JSON.stringify({ json: { name: "Bug" } }),
      }),
    );
    const error = await errorOf(response);
    expect(response.status).toBe(500);
    expect(error.data.stepUp).toBeNull();
    expect(error.message).not.toContain("injected");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("bug (injected)");
  });

  it("the gate keeps the cause: a lost connection while it reads policies is 503 + Retry-After, logged once", async () => {
    const lost = Object.assign(new Error("Connection terminated unexpectedly (injected)"), {});
    await bumpPolicyRevision(healthy as unknown as ModuleDatabase); // the gate must read policies again
    const gateBroken = createTestApp(breaking(healthy, "stepUpPolicy", "findMany", lost), clock);
    const handler = createTrpcHandler(gateBroken, { allowedOrigins: [APP_ORIGIN] });
    captureLog();
    const response = await handler(
      new Request(new URL("/api/trpc/transfers.create", APP_ORIGIN), {
        method: "POST",
        headers: headers(),
        body: JSON.stringify({ json: { amount: 100, currency: "USD", to: "Carol" } }),
      }),
    );
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Connection terminated unexpectedly (injected)");
  });
});

type ErrorBody = { message: string; data: { stepUp: unknown } };

/** The error of a tRPC answer (superjson wraps it in `json`) or of a route handler's JSON body. */
async function errorOf(response: Response): Promise<ErrorBody> {
  const { error } = (await response.json()) as { error: ErrorBody | { json: ErrorBody } };
  return "json" in error ? error.json : error;
}

/** `db`, except that `db[model][method]` rejects with `error`. */
function breaking(db: Database, model: string, method: string, error: Error): Database {
  const bindTo = (target: object, value: unknown) => (typeof value === "function" ? value.bind(target) : value);
  return new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop !== model) return bindTo(target, value);
      return new Proxy(value as object, {
        get: (delegate, p) =>
          p === method ? () => Promise.reject(error) : bindTo(delegate, Reflect.get(delegate, p, delegate)),
      });
    },
  });
}
