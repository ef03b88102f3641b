/**
 * `npm run bench`: prints engine throughput, the per-call cost of step-up on real SQLite and PostgreSQL
 * databases, and (when a production build exists) the HTTP figures of bench/http.ts.
 * Figures, not assertions: compare the ratio, which is measured in one run on the same machine.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { benchEngine } from "./engine";
import { benchCalls } from "./calls";
import { benchHttp } from "./http";
import { benchQueryLayer } from "./query-layer";
import { startPostgres } from "../scripts/db/postgres-server.mjs";
import { ensureDatabase } from "../scripts/db/migrate-postgres.mjs";

/** The engine must never be what a protected call waits for. */
const ENGINE_RUNS = [
  { rules: 10, iterations: 500_000, target: 1_000_000 },
  { rules: 100, iterations: 100_000, target: 200_000 },
];

async function main(): Promise<void> {
  process.stdout.write("Engine (pure evaluate on compiled policies, 5 policies; median of 5 runs after a warm-up)\n");
  for (const { rules, iterations, target } of ENGINE_RUNS) {
    const { median } = benchEngine(rules, iterations);
    const verdict = median >= target ? "met" : "NOT met";
    process.stdout.write(
      `  ${String(rules).padStart(3)} rules: ${Math.round(median).toLocaleString("en-US")} decisions/s ` +
        `(${(1e6 / median).toFixed(2)} µs each; target ≥ ${target.toLocaleString("en-US")}, ${verdict})\n`,
    );
  }

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
  out(`  ratio: ${(result.guardedUs / result.plainUs).toFixed(3)}× (target ≤ 1.10×)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
