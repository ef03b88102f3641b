#!/usr/bin/env node
/**
 * `npm run test:host`: the example host examples/t3-billing as a user has it (ADR 031). Packs the
 * module (`npm pack`, whose prepack builds dist/), copies the host into a folder outside the
 * workspace (under the OS temp folder), installs the tarball and the host's dependencies from the npm
 * registry there, then: `db:setup` (the host's own `prisma generate` only), `tsc --noEmit`, the
 * schema test, `next build` and the browser suite. Fails if anything is generated or changed inside
 * node_modules/@step-up/next. Prints the time of each step.
 *
 * E2E_PORT moves the host's test server (default 3500); KEEP_HOST=1 keeps the temporary folder.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { packModule } from "./check-package.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const EXAMPLE = path.join(ROOT, "examples/t3-billing");
/** Left behind by the workspace's own runs of the example; a fresh copy has none of them. */
const NOT_COPIED = new Set([
  "node_modules",
  ".next",
  "test-results",
  "generated",
  "tsconfig.tsbuildinfo",
  "next-env.d.ts",
]);

const started = Date.now();
const timings = [];
async function step(name, action) {
  const at = Date.now();
  console.log(`\n▶ ${name}`);
  const result = await action();
  const seconds = (Date.now() - at) / 1000;
  timings.push([name, seconds]);
  console.log(`✔ ${name} (${seconds.toFixed(1)} s)`);
  return result;
}

function sh(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd} (exit ${result.status})`);
}

/** One hash over every file below `dir` (path and content): proves nothing was generated or edited there. */
function treeHash(dir) {
  const hash = createHash("sha256");
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(dir, full)}\0`).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest("hex");
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const work = mkdtempSync(path.join(tmpdir(), "step-up-host-"));
const host = path.join(work, "t3-billing");
let failed = false;
try {
  const packed = await step("npm pack packages/step-up (prepack builds dist/)", () =>
    packModule({ build: true, destination: work }),
  );
  console.log(`  ${path.basename(packed.tarball)}: ${packed.files.length} files, ${packed.size} bytes`);

  await step(`copy examples/t3-billing to ${host}`, () => {
    cpSync(EXAMPLE, host, {
      recursive: true,
      filter: (source) => !NOT_COPIED.has(path.basename(source)) && !/\.db(-journal)?$/.test(source),
    });
    const pkg = JSON.parse(readFileSync(path.join(host, "package.json"), "utf8"));
    // The tarball, not the workspace link.
    pkg.dependencies["@step-up/next"] = `file:${packed.tarball}`;
    writeFileSync(path.join(host, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
    if (pkg.scripts["db:generate"].includes("step-up"))
      throw new Error(`the host's db:generate still generates the module's client: ${pkg.scripts["db:generate"]}`);
  });

  await step("npm install (registry, npm cache preferred)", () => {
    // Install scripts off, as the workspace's allowScripts has them (Prisma's would download engines);
    // better-sqlite3's native build comes from the workspace when it is the same version, else rebuilt.
    sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], host);
    const version = (dir) =>
      JSON.parse(readFileSync(path.join(dir, "node_modules/better-sqlite3/package.json"), "utf8")).version;
    const built = path.join(ROOT, "node_modules/better-sqlite3/build/Release/better_sqlite3.node");
    if (existsSync(built) && version(ROOT) === version(host)) {
      cpSync(path.dirname(built), path.join(host, "node_modules/better-sqlite3/build/Release"), { recursive: true });
      console.log(`  better-sqlite3 ${version(host)}: the workspace's native build reused`);
    } else sh("npm", ["rebuild", "better-sqlite3"], host);
  });

  const installed = path.join(host, "node_modules/@step-up/next");
  const installedFiles = listFiles(installed);
  const shipped = [...packed.files].sort();
  if (JSON.stringify(installedFiles) !== JSON.stringify(shipped))
    throw new Error("node_modules/@step-up/next does not hold exactly the tarball's files");
  if (
    execFileSync("node", ["-p", "require.resolve('@step-up/next/package.json')"], {
      cwd: host,
      encoding: "utf8",
    }).includes(ROOT)
  )
    throw new Error("the host resolves @step-up/next inside the workspace");
  const before = treeHash(installed);

  await step("npm run db:setup (the host's prisma generate, migrate deploy, seed)", () =>
    sh("npm", ["run", "db:setup"], host),
  );
  await step("tsc --noEmit", () => sh("npx", ["tsc", "--noEmit"], host));
  await step("npm run test:schema", () => sh("npm", ["run", "test:schema"], host));
  await step("the tarball's bin and test kit: step-up --help, createTestStepUp on its own database", () => {
    sh("npx", ["step-up", "--help"], host);
    const smoke = `
      const { createTestStepUp, expectStepUpRequired, TEST_PASSWORD, TEST_USER } = await import("@step-up/next/testing");
      const t = await createTestStepUp();
      const { api } = t.client(t.signIn(TEST_USER.id));
      const { requirementId } = await expectStepUpRequired(api.probe.medium());
      await api.stepUp.verify({ requirementId, method: "password", credential: TEST_PASSWORD });
      await api.probe.medium();
      await t.close();
      console.log("  test kit: a bare instance asked for medium, verified a password, then let the call through");`;
    sh("node", ["--conditions=react-server", "--input-type=module", "-e", smoke], host);
  });
  await step("next build", () => sh("npx", ["next", "build"], host, { NEXT_TELEMETRY_DISABLED: "1" }));
  await step("browser suite (playwright)", () => sh("npm", ["run", "test:e2e"], host, { E2E_SKIP_BUILD: "1" }));

  if (treeHash(installed) !== before)
    throw new Error("something generated or changed files inside node_modules/@step-up/next");
  console.log(
    "\nnode_modules/@step-up/next: exactly the tarball's files before and after, no client generated for the module",
  );
} catch (error) {
  failed = true;
  console.error(`\n✘ ${error instanceof Error ? error.message : error}`);
} finally {
  console.log("\ntimings:");
  for (const [name, seconds] of timings) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
  console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  total`);
  if (process.env.KEEP_HOST) console.log(`kept: ${host}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
