/**
 * `npm run bench:http`: the production build (`npm run build` first; this builds nothing) served by
 * `next start` on PostgreSQL, loaded over real HTTP by autocannon. Prints requests/s and p50/p99 of:
 * a minimal route handler (the floor), a tRPC query refused before any database work (no session),
 * the same query signed in, and a step-up-protected mutation holding a grant, on one server; one
 * mutation body behind `protectedProcedure` and behind `stepUpProcedure` holding a grant (the demo's
 * `bench` router, STEP_UP_BENCH=1), alternated on that server, their ratio held to ≥ 0.90; then that
 * protected mutation on two servers sharing the database (the same total connections, split
 * over both); the refused → verify → retried round trip, one user at a time; and liveness during a
 * 1,000-connection burst, on the app's port and on HEALTH_PORT (ADR 027; `BENCH_HTTP_ONLY=burst` runs
 * only that).
 * Figures, not assertions; the ratios are what compare across machines. On this 2-core machine the
 * load generator and every server share the same two cores, so two servers cannot double anything.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import { startPostgres } from "../scripts/db/postgres-server.mjs";
import { ensureDatabase } from "../scripts/db/migrate-postgres.mjs";
import { createDatabase } from "@/server/db";
import { bumpPolicyRevision } from "@/step-up/server/policies/policy-cache";
import type { Database as ModuleDatabase } from "@/step-up/server/db";

const PORTS = [Number(process.env.BENCH_PORT ?? 3550), Number(process.env.BENCH_PORT ?? 3550) + 1];
const ORIGIN = `http://localhost:${PORTS[0]}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 8;
const EMAIL = "alice@example.com";
const PASSWORD = "demo-password-1";

interface Figure {
  label: string;
  rps: number;
  p50: number;
  p99: number;
}

export async function benchHttp(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first");
  const server = process.env.POSTGRES_URL ? null : await startPostgres();
  const url = new URL(process.env.POSTGRES_URL ?? server!.url);
  url.pathname = `/bench_http_${Date.now()}`;
  const databaseUrl = url.toString();
  const servers: ChildProcess[] = [];
  try {
    await prepareDatabase(databaseUrl);
    if (process.env.BENCH_HTTP_ONLY === "burst") return { burst: await burstFigures(databaseUrl, log) };
    for (const port of PORTS) servers.push(startNext(port, databaseUrl));
    await Promise.all(PORTS.map(waitForServer));
    const cookie = await signIn();
    await earnGrant(cookie);
    // Warm-up: the first seconds of a fresh `next start` are compiling code paths, not serving.
    await load("warm-up", PORTS, profileGetOf(), { cookie }, 200, 2);

    const profileGet = profileGetOf();
    const profileUpdate = {
      method: "POST" as const,
      path: "/api/trpc/profile.update",
      body: JSON.stringify({ json: { name: "Alice" } }),
    };
    const me = { method: "GET" as const, path: "/api/trpc/auth.me" };
    const one: Figure[] = [
      await load("route handler (floor)", [PORTS[0]!], { method: "GET", path: "/api/health" }, {}),
      await load("tRPC query, no session (refused, no DB)", [PORTS[0]!], profileGet, {}, 401),
      await load("same query, signed in", [PORTS[0]!], profileGet, { cookie }),
      await load("step-up mutation holding a grant", [PORTS[0]!], profileUpdate, { cookie }),
    ];
    const sameProcedure = await withAndWithoutStepUp(cookie);
    // auth.me reads nothing but the session: signed in / signed out is the cost of identifying the caller.
    const identity = [
      await load("auth.me, signed out (no DB)", [PORTS[0]!], me, {}),
      await load("auth.me, signed in (the session lookup)", [PORTS[0]!], me, { cookie }),
    ] as [Figure, Figure];
    const two = await load("the same on two servers", PORTS, profileUpdate, { cookie });
    log(`HTTP on PostgreSQL: next start, ${CONNECTIONS} connections, ${SECONDS} s each (autocannon)`);
    const [floor, noSession, signedIn, protectedCall] = one as [Figure, Figure, Figure, Figure];
    const roundTrip = await roundTrips(15);
    for (const figure of [...one, ...sameProcedure.figures, ...identity, two, roundTrip]) log(format(figure));
    log(`  no session / floor:                 ${(noSession.rps / floor.rps).toFixed(2)}`);
    log(`  signed in / no session:             ${(signedIn.rps / noSession.rps).toFixed(2)} (the host's own reads)`);
    const verdict = sameProcedure.ratio >= SAME_PROCEDURE_TARGET ? "met" : "NOT met";
    log(
      `  same procedure, step-up with a grant / without: ${sameProcedure.ratio.toFixed(2)} ` +
        `(target ≥ ${SAME_PROCEDURE_TARGET}, ${verdict})`,
    );
    log(
      `  auth.me signed in / signed out:     ${(identity[1].rps / identity[0].rps).toFixed(2)} (the session lookup alone)`,
    );
    log(`  protected with a grant / signed in: ${(protectedCall.rps / signedIn.rps).toFixed(2)}`);
    log(`  two servers / one (protected call): ${(two.rps / protectedCall.rps).toFixed(2)}`);
    for (const child of servers.splice(0)) if (child.pid) process.kill(-child.pid, "SIGTERM");
    const burst = await burstFigures(databaseUrl, log);
    return { one, sameProcedure, identity, two, roundTrip, burst };
  } finally {
    for (const child of servers) if (child.pid) process.kill(-child.pid, "SIGTERM");
    server?.stop();
  }
}

const SAME_PROCEDURE_TARGET = 0.9;

/**
 * The `bench` router's two procedures, one body: without step-up, then with it holding a grant, twice
 * in turn so drift on the machine weighs on both; the ratio is of the summed requests per second.
 */
async function withAndWithoutStepUp(cookie: string): Promise<{ figures: Figure[]; ratio: number }> {
  const body = JSON.stringify({ json: { name: "Alice" } });
  const plain = { method: "POST" as const, path: "/api/trpc/bench.plain", body };
  const guarded = { method: "POST" as const, path: "/api/trpc/bench.guarded", body };
  const figures: Figure[] = [];
  for (let round = 1; round <= 2; round++) {
    figures.push(await load(`same body, protectedProcedure (${round})`, [PORTS[0]!], plain, { cookie }));
    figures.push(await load(`same body, stepUpProcedure + grant (${round})`, [PORTS[0]!], guarded, { cookie }));
  }
  const sum = (kind: string) => figures.filter((f) => f.label.includes(kind)).reduce((total, f) => total + f.rps, 0);
  return { figures, ratio: sum("stepUpProcedure") / sum("protectedProcedure") };
}

const BURST_CONNECTIONS = 1_000;
const BURST_SECONDS = 6;

interface Probe {
  p50: number;
  p99: number;
  n: number;
  /** Answers slower than a typical load balancer's 2-s health-check timeout. */
  over2s: number;
}

/**
 * Overload (ADR 027): 1,000 connections at once on a signed-in tRPC query while two probes ask for
 * liveness again and again, each on a new connection as a load balancer does: `/api/health` on the app's
 * port (before) and the listener on its own port, HEALTH_PORT (after), printed side by side. The probes
 * run in their own processes, away from the load generator.
 */
async function burstFigures(databaseUrl: string, log: (line: string) => void) {
  const port = PORTS[1]! + 1;
  const healthPort = port + 1;
  const child = startNext(port, databaseUrl, { HEALTH_PORT: String(healthPort) });
  try {
    await waitForServer(port);
    const base = `http://localhost:${port}`;
    const cookie = await signIn(base);
    await load("warm-up", [port], profileGetOf(), { cookie }, 200, 2);
    // The probes start first (a process starting on saturated cores takes seconds) and keep only the
    // answers to requests sent while the burst runs.
    const probeMs = BURST_SECONDS * 1000 + 2_000;
    const probes = Promise.all([
      probeHealth(`${base}/api/health`, probeMs),
      probeHealth(`http://localhost:${healthPort}/`, probeMs),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const from = Date.now();
    const result = await autocannon({
      url: `${base}${profileGetOf().path}`,
      headers: headers({ cookie }),
      connections: BURST_CONNECTIONS,
      duration: BURST_SECONDS,
    });
    const to = Date.now();
    const during = (samples: Array<[number, number]>) =>
      samples.filter(([at]) => at >= from && at < to).map(([, ms]) => ms);
    const [app, own] = (await probes).map((samples) => percentiles(during(samples))) as [Probe, Probe];
    const show = ({ p50, p99, n, over2s }: Probe) =>
      `p50 ${String(p50).padStart(5)} ms  p99 ${String(p99).padStart(5)} ms  over 2 s: ${over2s} of ${n}`;
    log(
      `Overload: ${BURST_CONNECTIONS} connections on a signed-in tRPC query for ${BURST_SECONDS} s ` +
        `(${result["2xx"]} × 200, ${result.non2xx} other, ${Math.round(result.requests.average)} req/s, ` +
        `p50 ${result.latency.p50} ms); liveness meanwhile, a new connection per check:`,
    );
    log(`  before: /api/health on the app's port   ${show(app)}`);
    log(`  after:  HEALTH_PORT, its own listener   ${show(own)}`);
    return { app, own };
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  }
}

function percentiles(times: number[]): Probe {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
  return { p50: at(0.5), p99: at(0.99), n: sorted.length, over2s: sorted.filter((ms) => ms > 2_000).length };
}

/**
 * Asks `url` again and again for `ms` from a child process, each time on a new connection (as a load
 * balancer's health check does): [sent at (epoch ms), latency (ms)] per request.
 */
function probeHealth(url: string, ms: number): Promise<Array<[number, number]>> {
  const script = `
    const http = require("node:http");
    const times = []; const end = Date.now() + ${ms};
    const once = () => new Promise((resolve) => {
      const at = Date.now(), start = performance.now();
      const done = () => resolve([at, performance.now() - start]);
      http.get(${JSON.stringify(url)}, { agent: false }, (res) => { res.resume(); res.on("end", done); }).on("error", done);
    });
    (async () => {
      while (Date.now() < end) times.push(await once());
      process.stdout.write(JSON.stringify(times));
    })();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", () => resolve(JSON.parse(out || "[]") as Array<[number, number]>));
  });
}

function profileGetOf() {
  return { method: "GET" as const, path: "/api/trpc/profile.get" };
}

function format({ label, rps, p50, p99 }: Figure): string {
  const shown = rps >= 100 ? Math.round(rps).toString() : rps.toFixed(1);
  return `  ${label.padEnd(42)} ${shown.padStart(6)} req/s   p50 ${p50} ms   p99 ${p99} ms`;
}

async function prepareDatabase(databaseUrl: string): Promise<void> {
  await ensureDatabase(databaseUrl);
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  execFileSync("node", ["scripts/db/migrate.mjs"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env, stdio: "pipe" });
  // The protected call of the figures: a profile change that needs a medium grant.
  const db = createDatabase(databaseUrl);
  try {
    await db.$transaction(async (tx) => {
      await tx.stepUpPolicy.create({
        data: { name: "Bench", rules: [{ kind: "procedure", pattern: "profile.update", level: "medium" }] },
      });
      await bumpPolicyRevision(tx as unknown as ModuleDatabase);
    });
  } finally {
    await db.$disconnect();
  }
}

function startNext(port: number, databaseUrl: string, env: Record<string, string> = {}): ChildProcess {
  // Its own process group, so stopping it stops next-server too (killing `npx` alone would not).
  return spawn("node_modules/.bin/next", ["start", "--port", String(port)], {
    stdio: "ignore",
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      STEP_UP_DEMO: "1",
      STEP_UP_ALLOW_DEV_KEY: "1",
      STEP_UP_ORIGIN: ORIGIN,
      STEP_UP_BENCH: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
}

async function waitForServer(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://localhost:${port}/sign-in`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start on port ${port} did not answer within 60 s`);
}

/** What the app's own fetches send; the tRPC route refuses cross-site mutations. */
function headers(extra: Record<string, string> = {}): Record<string, string> {
  return { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/json", ...extra };
}

async function trpc(path: string, input: unknown, cookie?: string, base = ORIGIN) {
  const response = await fetch(`${base}/api/trpc/${path}`, {
    method: "POST",
    headers: headers(cookie ? { cookie } : {}),
    body: JSON.stringify({ json: input }),
  });
  return {
    response,
    body: (await response.json()) as { error?: { json?: { data?: { stepUp?: { requirementId?: string } } } } },
  };
}

async function signIn(base = ORIGIN): Promise<string> {
  const { response } = await trpc("auth.signIn", { email: EMAIL, password: PASSWORD }, undefined, base);
  const session = response.headers.getSetCookie().find((line) => line.startsWith("session="));
  if (!session) throw new Error(`sign-in failed: ${response.status}`);
  return session.split(";")[0]!;
}

async function earnGrant(cookie: string): Promise<void> {
  const refused = await trpc("profile.update", { name: "Alice" }, cookie);
  const requirementId = refused.body.error?.json?.data?.stepUp?.requirementId;
  if (!requirementId) throw new Error(`expected a step-up, got ${refused.response.status}`);
  const verify = { requirementId, method: "password", credential: PASSWORD };
  const verified = await trpc("stepUp.verify", verify, cookie);
  if (!verified.response.ok) throw new Error(`verify failed: ${verified.response.status}`);
  const retried = await trpc("profile.update", { name: "Alice" }, cookie);
  if (!retried.response.ok) throw new Error(`the retry failed: ${retried.response.status}`);
}

/**
 * One user at a time, each in a fresh session (signed in outside the timing, so no grant yet): the
 * profile change refused for step-up, the password verified (argon2id), the change retried and done.
 * Three requests each; the figure is round trips per second and their latency.
 */
async function roundTrips(count: number): Promise<Figure> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const cookie = await signIn();
    const start = performance.now();
    const change = { name: `Alice ${i}` };
    const refused = await trpc("profile.update", change, cookie);
    const requirementId = refused.body.error?.json?.data?.stepUp?.requirementId;
    if (!requirementId) throw new Error(`round trip ${i}: expected a step-up, got ${refused.response.status}`);
    const verified = await trpc("stepUp.verify", { requirementId, method: "password", credential: PASSWORD }, cookie);
    const retried = await trpc("profile.update", change, cookie);
    if (!verified.response.ok || !retried.response.ok) throw new Error(`round trip ${i} failed`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((sum, t) => sum + t, 0);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
  return {
    label: "refused → verify → retried (round trips)",
    rps: (count * 1000) / total,
    p50: at(0.5),
    p99: at(0.99),
  };
}

/** Loads every port at once, the connections split evenly; the figure is their sum. */
async function load(
  label: string,
  ports: number[],
  request: { method: "GET" | "POST"; path: string; body?: string },
  extra: Record<string, string>,
  expectedStatus = 200,
  seconds = SECONDS,
): Promise<Figure> {
  const results = await Promise.all(
    ports.map((port) =>
      autocannon({
        url: `http://localhost:${port}${request.path}`,
        method: request.method,
        body: request.body,
        headers: headers(extra),
        connections: CONNECTIONS / ports.length,
        duration: seconds,
      }),
    ),
  );
  // A figure counts only the answer it is meant to measure: a refused query must stay refused.
  const wrong = results.reduce((sum, r) => sum + (expectedStatus === 200 ? r.non2xx : r["2xx"] + r["5xx"]), 0);
  if (wrong > 0 || results.some((r) => r.errors > 0))
    throw new Error(
      `${label}: ${wrong} responses other than ${expectedStatus}, ${results.map((r) => r.errors)} errors`,
    );
  return {
    label,
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
  };
}

if (process.argv[1]?.endsWith("http.ts")) {
  benchHttp().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
