#!/usr/bin/env node
// The t3-authjs host as a user has it: a copy OUTSIDE this repository (so nothing resolves from the
// repository's node_modules), its own lockfile (next 15.5, next-auth beta, its own React), and
// @step-up/next from `npm pack`, not the workspace link. Then prisma generate, tsc, next build and the
// browser suite. The copy's node_modules is kept between runs (STEP_UP_HOSTS_DIR, default
// $TMPDIR/step-up-hosts): only the first run pays the full install (~3 min, better-sqlite3 compiles).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const example = path.resolve(fileURLToPath(import.meta.url), "../..");
const repository = path.resolve(example, "../..");
const host = path.join(process.env.STEP_UP_HOSTS_DIR ?? path.join(tmpdir(), "step-up-hosts"), "t3-authjs");
const started = Date.now();

function run(command, args, cwd = host, env = {}) {
  console.log(`\n$ ${[command, ...args].join(" ")}   (in ${path.relative(repository, cwd) || "."})`);
  execFileSync(command, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
}

// 1. The example's sources over the kept copy (node_modules and the build cache stay).
const KEEP = new Set(["node_modules", ".next", "test-results", ".step-up", "src"]);
mkdirSync(host, { recursive: true });
for (const entry of readdirSync(host)) {
  if (!KEEP.has(entry)) rmSync(path.join(host, entry), { recursive: true, force: true });
}
rmSync(path.join(host, "src"), { recursive: true, force: true });
const SKIP = ["node_modules", ".next", "test-results", ".step-up", path.join("src", "generated")];
cpSync(example, host, {
  recursive: true,
  filter: (source) => !SKIP.some((skip) => path.relative(example, source).startsWith(skip)),
});

// 2. The module as npm would ship it, installed from the tarball (its integrity changes with every build).
mkdirSync(path.join(host, ".step-up"), { recursive: true });
run("npm", ["pack", "--pack-destination", path.join(host, ".step-up")], path.join(repository, "packages/step-up"));
if (existsSync(path.join(host, "node_modules")))
  rmSync(path.join(host, "node_modules/@step-up"), { recursive: true, force: true });
run("npm", ["install", "--no-audit", "--no-fund", "./.step-up/step-up-next-0.1.0.tgz"]);

// 3. What a host runs: generate its client, type-check; the adapter on the real schema; then build and
//    the browser journeys.
run("npx", ["prisma", "generate"]);
run("npx", ["tsc", "--noEmit"]);
run("npm", ["run", "test:adapter"]);
run("npx", ["playwright", "test"], host, { E2E_PORT: process.env.E2E_PORT ?? "4600" });
console.log(`\nt3-authjs host from the tarball: passed in ${Math.round((Date.now() - started) / 1000)} s`);
