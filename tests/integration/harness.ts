import { execFileSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createGuardrails, generate } from "otplib";
import { inject } from "vitest";
import { createDatabase, type Database } from "@/server/db";
import { createDemoApp, type DemoApp } from "@/server/app";
import { createCallerFactory, createContext } from "@/server/trpc";
import { bumpPolicyRevision } from "@step-up/next/server";
import { createMethodStore, type StepUpDatabase as ModuleDatabase } from "@step-up/next/testing/server";
import { getStepUpPayload, type StepUpRequiredPayload } from "@step-up/next/client";
import { ALICE_TOTP_SECRET } from "../../prisma/seed-data";

export { ALICE_BACKUP_CODES, ALICE_TOTP_SECRET, DEMO_PASSWORD } from "../../prisma/seed-data";

/** A fresh copy of the seeded template database for one test file (tests/integration/global-setup.ts). */
export function createTestDatabase(): Database {
  return createDatabase(createTestDatabaseUrl());
}

/** The URL of a fresh copy of the template: a SQLite file, or a PostgreSQL database cloned from it. */
export function createTestDatabaseUrl(): string {
  const template = inject("testDatabaseTemplate");
  if (!template) throw new Error("No template database: run through vitest's integration projects");
  if (template.dialect === "postgres") return clonePostgres(template.url);
  const source = template.url.slice("file:".length);
  const file = path.join(path.dirname(source), `${randomUUID()}.db`);
  copyFileSync(source, file);
  return `file:${file}`;
}

/** Which database this run's tests are on (the `integration` or `integration-postgres` project). */
export function testDialect(): "sqlite" | "postgres" {
  return inject("testDatabaseTemplate").dialect;
}

// Synchronous, like the SQLite copy, so test files keep creating databases at the top of a describe.
// CREATE DATABASE … TEMPLATE copies the template's files: ~30 ms, no migration or seed per file.
function clonePostgres(templateUrl: string): string {
  const template = new URL(templateUrl);
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  const admin = new URL(templateUrl);
  admin.pathname = "/postgres";
  const sql = `CREATE DATABASE "${name}" TEMPLATE "${template.pathname.slice(1)}"`;
  execFileSync("psql", [admin.toString(), "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], { stdio: "pipe" });
  template.pathname = `/${name}`;
  return template.toString();
}

/** A controllable clock shared by every client of one test. */
export function createClock(start = Date.parse("2026-11-23T10:00:00Z")) {
  let now = start;
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}

export type Clock = ReturnType<typeof createClock>;

export interface ClientOptions {
  ip?: string;
  userAgent?: string;
  /** Extra request headers sent on every call (e.g. a forged `x-user-id`). */
  headers?: Record<string, string>;
  /** The database the server sees for this client's calls (e.g. a Proxy that fails on purpose). */
  dbOverride?: Database;
}

/**
 * A demo app over `db` with the test's clock and the library defaults (not the env's STEP_UP_CONFIG).
 * Each one is its own step-up instance (policy cache, call counters), as another server on the same
 * database would be: every limit and cache must hold across them through the database alone.
 */
export function createTestApp(db: Database, clock: Pick<Clock, "now">): DemoApp {
  return createDemoApp({ db, now: clock.now, config: {} });
}

type Router = DemoApp["router"];
export type ApiCaller = ReturnType<ReturnType<typeof createCallerFactory<Router["_def"]["record"]>>>;

/** A browser-like client: keeps cookies between calls, like the real one does. */
export function createClient(db: Database, clock: Clock, options: ClientOptions = {}) {
  const cookies = new Map<string, string>();
  const app = createTestApp(options.dbOverride ?? db, clock);
  const services = app.stepUp.services;
  const createCaller = createCallerFactory(app.router);
  const lastHeaders = { value: new Headers() };
  const caller = () => {
    const headers = new Headers({
      ...options.headers,
      "user-agent": options.userAgent ?? "vitest-browser",
      "x-forwarded-for": options.ip ?? "203.0.113.7",
    });
    if (cookies.size > 0)
      headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; "));
    const resHeaders = new Headers();
    lastHeaders.value = resHeaders;
    return createCaller(async () => {
      // As if behind one trusted proxy that wrote `ip` into X-Forwarded-For (STEP_UP_TRUST_PROXY=1).
      const ctx = await createContext({ headers, resHeaders, app, trustedProxyHops: 1 });
      return ctx;
    });
  };
  const storeCookies = () => {
    for (const header of lastHeaders.value.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const [name, ...value] = pair!.split("=");
      const maxAge = attributes.find((a) => a.trim().startsWith("Max-Age="));
      if (maxAge?.trim() === "Max-Age=0") cookies.delete(name!);
      else cookies.set(name!, decodeURIComponent(value.join("=")));
    }
  };
  /** Runs one call and keeps any cookies it set, even when it throws. */
  async function call<T>(fn: (api: ApiCaller) => Promise<T>): Promise<T> {
    try {
      return await fn(caller());
    } finally {
      storeCookies();
    }
  }
  return { call, cookies, services, lastHeaders, app };
}

export type Client = ReturnType<typeof createClient>;

export async function signIn(client: Client, email: string, password = "demo-password-1"): Promise<void> {
  await client.call((api) => api.auth.signIn({ email, password }));
}

/** A new browser-like client, already signed in as `email`. */
export async function signedIn(db: Database, clock: Clock, email: string, options?: ClientOptions): Promise<Client> {
  const client = createClient(db, clock, options);
  await signIn(client, email);
  return client;
}

/** Runs a call that must be refused with STEP_UP_REQUIRED and returns the payload. */
export async function expectStepUp(promise: Promise<unknown>): Promise<StepUpRequiredPayload> {
  try {
    await promise;
  } catch (error) {
    const payload = getStepUpPayload(toShape(error));
    if (payload?.code === "STEP_UP_REQUIRED") return payload;
    throw error;
  }
  throw new Error("Expected STEP_UP_REQUIRED, but the call succeeded");
}

/** createCaller throws TRPCError; give it the `data.stepUp` shape clients see. */
export function toShape(error: unknown): { code?: string; data: { stepUp: unknown } } {
  const e = error as { code?: string; payload?: unknown; cause?: { payload?: unknown } };
  return { code: e.code, data: { stepUp: e.payload ?? e.cause?.payload ?? null } };
}

export async function catchError(
  promise: Promise<unknown>,
): Promise<{ code?: string; stepUp: ReturnType<typeof getStepUpPayload>; message: string }> {
  try {
    await promise;
  } catch (error) {
    return {
      code: (error as { code?: string }).code,
      stepUp: getStepUpPayload(toShape(error)),
      message: (error as Error).message,
    };
  }
  throw new Error("Expected the call to fail, but it succeeded");
}

/** The TOTP code alice's phone shows at the client's clock time (plus an offset in 30 s steps). */
/** The step-up code of each settled call ("accepted" when it went through), for parallel-call tests. */
export function stepUpCodesOf(results: PromiseSettledResult<unknown>[]): Promise<Array<string | undefined>> {
  return Promise.all(
    results.map(async (r) =>
      r.status === "rejected" ? (await catchError(Promise.reject(r.reason))).stepUp?.code : "accepted",
    ),
  );
}

export async function aliceTotp(clock: Clock, stepOffset = 0): Promise<string> {
  return generate({
    secret: ALICE_TOTP_SECRET,
    guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }),
    epoch: Math.floor(clock.now().getTime() / 1000) + stepOffset * 30,
  });
}

/** One factor of a requirement through the public `stepUp.verify` procedure. */
export function verify(
  client: Client,
  requirementId: string,
  method: "password" | "totp" | "backup_code",
  credential: string,
  rememberDevice?: boolean,
) {
  return client.call((api) =>
    api.stepUp.verify({
      requirementId,
      method,
      credential,
      ...(rememberDevice === undefined ? {} : { rememberDevice }),
    }),
  );
}

/** Password + authenticator code: alice's "high" combination (and, degraded, her "critical" one). */
export async function verifyAliceHigh(client: Client, clock: Clock, requirementId: string, rememberDevice?: boolean) {
  await verify(client, requirementId, "password", "demo-password-1");
  return verify(client, requirementId, "totp", await aliceTotp(clock), rememberDevice);
}

export async function userIdOf(db: Database, email: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** After writing policies straight to the database: the next call on every instance reads them. */
export async function invalidatePolicies(db: Database): Promise<void> {
  await bumpPolicyRevision(moduleDb(db));
}

/** The demo's client seen through the module's types (the same tables; two generated clients). */
export function moduleDb(db: Database): ModuleDatabase {
  return db as unknown as ModuleDatabase;
}

/** What a method verifier needs from the instance, for tests that call a verifier directly. */
export function verifierServices(db: Database, clock: Clock) {
  const { relyingParty, mailer, crypto, users } = createTestApp(db, clock).stepUp.services;
  return { db: moduleDb(db), relyingParty, mailer, crypto, users, store: createMethodStore(moduleDb(db)) };
}
