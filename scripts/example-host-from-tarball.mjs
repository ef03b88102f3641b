#!/usr/bin/env node
// `npm run test:host:authjs` / `test:host:better-auth`: an example host that has its own lockfile (next
// 15.5, its auth library, its own React) as a user has it: a copy OUTSIDE this repository (so nothing
// resolves from the repository's node_modules) with @step-up/next from `npm pack` (compiled dist/, ADR
// 031), not the workspace link. Then prisma generate, tsc, the host's own checks, next build and the
// browser suite, each step timed. The copy's node_modules is kept between runs (STEP_UP_HOSTS_DIR,
// default $TMPDIR/step-up-hosts). Install scripts stay off (as in scripts/host-from-tarball.mjs):
// better-sqlite3's native build is the workspace's when the versions match, so no run compiles it.
//
// Usage: node scripts/example-host-from-tarball.mjs <t3-authjs | t3-better-auth>
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** What differs between the hosts: their test port, the secret their build needs, their own checks. */
const HOSTS = {
  "t3-authjs": {
    port: "4600",
    buildEnv: { AUTH_SECRET: "build-only-auth-secret" },
    checks: [["the adapter on the real schema (npm run test:adapter)", ["npm", ["run", "test:adapter"]]]],
    servers: "two servers of that build",
  },
  "t3-better-auth": {
    port: "4800",
    buildEnv: { BETTER_AUTH_SECRET: "build-only-better-auth-secret" },
    checks: [],
    servers: "a server of that build",
  },
};

const name = process.argv[2];
const config = HOSTS[name];
if (!config) {
  console.error(`usage: example-host-from-tarball.mjs <${Object.keys(HOSTS).join(" | ")}>`);
  process.exit(2);
}
const repository = path.resolve(fileURLToPath(import.meta.url), "../..");
const example = path.join(repository, "examples", name);
const host = path.join(process.env.STEP_UP_HOSTS_DIR ?? path.join(tmpdir(), "step-up-hosts"), name);
const port = process.env.E2E_PORT ?? config.port;
const started = Date.now();
const timings = [];

function step(name, action) {
  const at = Date.now();
  console.log(`\n▶ ${name}`);
  action();
  const seconds = (Date.now() - at) / 1000;
  timings.push([name, seconds]);
  console.log(`✔ ${name} (${seconds.toFixed(1)} s)`);
}

function run(command, args, cwd = host, env = {}) {
  console.log(`$ ${[command, ...args].join(" ")}   (in ${path.relative(repository, cwd) || "."})`);
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd} (exit ${result.status})`);
}

const versionIn = (dir) =>
  JSON.parse(readFileSync(path.join(dir, "node_modules/better-sqlite3/package.json"), "utf8")).version;

try {
  step(`copy examples/${name} to ${host} (node_modules and .next kept)`, () => {
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
  });

  step("npm pack packages/step-up (prepack builds dist/)", () => {
    mkdirSync(path.join(host, ".step-up"), { recursive: true });
    run("npm", ["pack", "--pack-destination", path.join(host, ".step-up")], path.join(repository, "packages/step-up"));
  });

  step("npm install (registry, npm cache preferred; install scripts off)", () => {
    // The tarball's integrity changes with every build: drop the installed copy so npm takes the new one.
    rmSync(path.join(host, "node_modules/@step-up"), { recursive: true, force: true });
    run("npm", [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "./.step-up/step-up-next-0.1.0.tgz",
    ]);
    const built = path.join(repository, "node_modules/better-sqlite3/build/Release/better_sqlite3.node");
    const target = path.join(host, "node_modules/better-sqlite3/build/Release/better_sqlite3.node");
    if (existsSync(built) && versionIn(repository) === versionIn(host)) {
      cpSync(built, target);
      console.log(`  better-sqlite3 ${versionIn(host)}: the workspace's native build reused`);
    } else if (!existsSync(target)) run("npm", ["rebuild", "better-sqlite3"]);
  });

  step("prisma generate (the host's own client only)", () => run("npx", ["prisma", "generate"]));
  step("tsc --noEmit", () => run("npx", ["tsc", "--noEmit"]));
  for (const [label, [command, args]] of config.checks) step(label, () => run(command, args));
  step("next build", () =>
    run("npx", ["next", "build"], host, {
      DATABASE_URL: "file:./test-results/build.db",
      ...config.buildEnv,
      NEXT_TELEMETRY_DISABLED: "1",
    }),
  );
  step(`browser suite (playwright, ${config.servers})`, () =>
    run("npx", ["playwright", "test"], host, { E2E_PORT: port, E2E_SKIP_BUILD: "1" }),
  );
} finally {
  console.log("\ntimings:");
  for (const [name, seconds] of timings) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
}
console.log(`\n${name} host from the tarball: passed in ${Math.round((Date.now() - started) / 1000)} s`);
