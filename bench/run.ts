/**
 * `npm run bench`: prints engine throughput and the per-call cost of step-up on a real SQLite DB.
 * Figures, not assertions: compare the ratio, which is measured in one run on the same machine.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { benchEngine } from "./engine";
import { benchCalls } from "./calls";

async function main(): Promise<void> {
  process.stdout.write("Engine (pure evaluate, 5 policies)\n");
  for (const rules of [10, 100]) {
    const perSecond = benchEngine(rules, rules === 10 ? 200_000 : 50_000);
    process.stdout.write(
      `  ${String(rules).padStart(3)} rules: ${Math.round(perSecond).toLocaleString("en-US")} decisions/s (${(1e6 / perSecond).toFixed(2)} µs each)\n`,
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
