/**
 * `npm run bench`: prints engine throughput, the per-call cost of step-up on real SQLite and PostgreSQL
 * databases, and (when a production build exists) the HTTP figures of bench/http.ts.
 * Figures, not assertions: compare the ratio, which is measured in one run on the same machine.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { benchEngine, makeOrganizationPolicies, makePolicies } from "./engine";
import { benchCalls } from "./calls";
import { benchHttp } from "./http";
import { benchQueryLayer } from "./query-layer";
import { startPostgres } from "../scripts/db/postgres-server.mjs";
import { ensureDatabase } from "../scripts/db/migrate-postgres.mjs";

/** The engine must never be what a protected call waits for; its cost follows the rules that can match (ADR 038). */
const ENGINE_RUNS = [
  { label: "10 rules", policies: () => makePolicies(10), iterations: 400_000, target: 1_000_000 },
  { label: "100 rules", policies: () => makePolicies(100), iterations: 400_000, target: 1_000_000 },
  { label: "1,000 rules", policies: () => makePolicies(1000), iterations: 100_000, target: null },
  { label: "10,000 rules", policies: () => makePolicies(10_000), iterations: 20_000, target: null },
  {
    label: "10,000 rules / 1,000 orgs",
    policies: () => makeOrganizationPolicies(10_000, 1000),
    iterations: 400_000,
    target: 500_000,
  },
];

async function main(): Promise<void> {
  process.stdout.write(
    "Engine (pure evaluate on compiled policies, after a warm-up). Per decision: p50 and p99 of batches of 200;\n" +
      "the rate at p50 is held to the target (the median of 5 timed runs beside it also counts any time the\n" +
      "process was descheduled by the rest of the machine)\n",
  );
  for (const { label, policies, iterations, target } of ENGINE_RUNS) {
    const figures = benchEngine(policies(), iterations);
    const atP50 = 1e6 / figures.p50Us;
    const verdict =
      target === null ? "" : `; target ≥ ${target.toLocaleString("en-US")}/s, ${atP50 >= target ? "met" : "NOT met"}`;
    process.stdout.write(
      `  ${label.padEnd(26)} p50 ${figures.p50Us.toFixed(2)} µs (${Math.round(atP50).toLocaleString("en-US")}/s) · ` +
        `p99 ${figures.p99Us.toFixed(2)} µs · median run ${Math.round(figures.median).toLocaleString("en-US")}/s · ` +
        `${figures.matched} matched · compiled in ${figures.compileMs.toFixed(0)} ms${verdict}\n`,
    );
  }
  if (process.env.BENCH_ONLY === "engine") return;

  const dir = path.resolve("bench/.tmp");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const url = `file:${path.join(dir, "bench.db")}`;
  migrateAndSeed(url);
  printCalls("SQLite", await benchCalls(url, 3000));
  rmSync(dir, { recursive: true, force: true });

  // The same on PostgreSQL (POSTGRES_URL, or a throwaway server started here), then over HTTP.
  const server = process.env.POSTGRES_URL ? null : await startPostgres();
  try {
    process.env.POSTGRES_URL ??= server!.url;
    const pgUrl = new URL(process.env.POSTGRES_URL);
    pgUrl.pathname = `/bench_calls_${Date.now()}`;
    await ensureDatabase(pgUrl.toString());
    migrateAndSeed(pgUrl.toString());
    printCalls("PostgreSQL", await benchCalls(pgUrl.toString(), 1500));
    printQueryLayer(await benchQueryLayer(pgUrl.toString()));
    process.stdout.write("\n");
    if (existsSync(".next/BUILD_ID")) await benchHttp();
    else
      process.stdout.write("HTTP figures skipped: no production build (`npm run build`, then `npm run bench:http`)\n");
  } finally {
    server?.stop();
  }
}

function migrateAndSeed(url: string): void {
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync("node", ["scripts/db/migrate.mjs"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env, stdio: "pipe" });
}

function printQueryLayer(figures: Awaited<ReturnType<typeof benchQueryLayer>>) {
  const { sessionLookupDefaultUs, sessionLookupUs, sessionLookupPrismaUs, prismaReadUs, driverReadUs } = figures;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out("\nOne indexed read on PostgreSQL, sequential (what a signed-in request pays per query)");
  out(`  session lookup, plain Prisma (the default):   ${sessionLookupDefaultUs.toFixed(0)} µs`);
  out(`  SESSION_LOOKUP=sql, one query on the pg pool: ${sessionLookupUs.toFixed(0)} µs`);
  out(`  the same lookup through Prisma's $queryRaw:   ${sessionLookupPrismaUs.toFixed(0)} µs`);
  out(`  Prisma findUnique of the user row:            ${prismaReadUs.toFixed(0)} µs`);
  out(`  the same row through the pg driver alone:     ${driverReadUs.toFixed(0)} µs`);
  out(`  Prisma / driver: ${(prismaReadUs / driverReadUs).toFixed(1)}×`);
}

function printCalls(database: string, result: Awaited<ReturnType<typeof benchCalls>>): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const lookup = process.env.SESSION_LOOKUP === "sql" ? "SESSION_LOOKUP=sql" : "plain Prisma session lookup";
  out(
    `\nProcedure call through createCaller on ${database} (context + session lookup + procedure, one write; ${lookup})`,
  );
  out(`  protectedProcedure:                 ${result.plainUs.toFixed(0)} µs/call (median of ${result.rounds} rounds)`);
  out(`  stepUpProcedure with a valid grant: ${result.guardedUs.toFixed(0)} µs/call`);
  const ratio = result.guardedUs / result.plainUs;
  out(`  ratio: ${ratio.toFixed(3)}× (target ≤ 1.05×, ${ratio <= 1.05 ? "met" : "NOT met"})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
