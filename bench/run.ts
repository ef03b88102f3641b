/**
 * `npm run bench`: prints engine throughput and the per-call cost of step-up on a real SQLite DB.
 * Figures, not assertions: compare the ratio, which is measured in one run on the same machine.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { benchEngine } from "./engine";
import { benchCalls } from "./calls";

/** Issue 14: the engine must never be what a protected call waits for. */
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
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env, stdio: "pipe" });

  const result = await benchCalls(url, 3000);
  process.stdout.write(
    "\nProcedure call through createCaller (context + session lookup + procedure, one SQLite write)\n",
  );
  process.stdout.write(
    `  protectedProcedure:                ${result.plainUs.toFixed(0)} µs/call (median of ${result.rounds} rounds)\n`,
  );
  process.stdout.write(`  stepUpProcedure with a valid grant: ${result.guardedUs.toFixed(0)} µs/call\n`);
  process.stdout.write(`  ratio: ${(result.guardedUs / result.plainUs).toFixed(3)}× (target ≤ 1.10×)\n`);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
