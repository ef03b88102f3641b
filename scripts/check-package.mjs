#!/usr/bin/env node
/**
 * `node scripts/check-package.mjs` (`npm run test:package`, part of `npm test`): packs
 * packages/step-up as `npm pack` would ship it and checks what a user gets (ADR 031):
 * compiled JavaScript and declarations for every export, the "use client" directives, the compiled
 * stylesheet, the module's Prisma types as declarations only, no tests, fixtures or TypeScript
 * source, a README; the declarations type-check without skipLibCheck; then `publint --strict` and
 * `attw --profile esm-only` on the tarball.
 *
 * It packs the current dist/ (`--ignore-scripts`): `npm test` builds it just before, in
 * `db:generate`. PACKAGE_DIR checks another copy of the package (e.g. an older commit's).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PACKAGE = path.resolve(process.env.PACKAGE_DIR ?? path.join(ROOT, "packages/step-up"));
const BIN = path.join(ROOT, "node_modules/.bin");

/** Packs the package into a fresh temporary folder; returns the tarball's path and its file list. */
export function packModule({ build = false, destination = mkdtempSync(path.join(tmpdir(), "step-up-pack-")) } = {}) {
  const args = ["pack", "--json", "--pack-destination", destination, ...(build ? [] : ["--ignore-scripts"])];
  const stdout = execFileSync("npm", args, { cwd: PACKAGE, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  // With `build`, prepack's output comes first on stdout; npm's JSON report is the last array.
  const json = stdout.slice(stdout.lastIndexOf("[\n  {"));
  const [report] = JSON.parse(json);
  return {
    tarball: path.join(destination, report.filename),
    files: report.files.map((file) => file.path),
    size: report.size,
    unpackedSize: report.unpackedSize,
    destination,
  };
}

/** The files an `exports` target names (a subpath pattern matches any number of files). */
function targets(exportsField) {
  const found = [];
  const walk = (subpath, value) => {
    if (typeof value === "string") found.push({ subpath, target: value.replace(/^\.\//, "") });
    else if (value && typeof value === "object") for (const inner of Object.values(value)) walk(subpath, inner);
  };
  for (const [subpath, value] of Object.entries(exportsField)) walk(subpath, value);
  return found;
}

function matches(pattern, files) {
  if (!pattern.includes("*")) return files.includes(pattern) ? [pattern] : [];
  const [before, after] = pattern.split("*");
  return files.filter((file) => file.startsWith(before) && file.endsWith(after));
}

/** Sources that arrive later (docs/decisions/031): a pattern or bin whose source is absent may match nothing. */
function sourceExpected(target) {
  if (target.startsWith("dist/adapters/")) return existsSync(path.join(PACKAGE, "src/adapters"));
  if (target.startsWith("dist/testing/")) return existsSync(path.join(PACKAGE, "src/testing/index.ts"));
  if (target === "dist/cli/index.js") return existsSync(path.join(PACKAGE, "src/cli/index.ts"));
  return true;
}

function run() {
  const results = [];
  const check = (name, problems) => {
    results.push({ name, problems });
    console.log(`${problems.length === 0 ? "ok  " : "FAIL"} ${name}`);
    for (const problem of problems) console.log(`       ${problem}`);
  };

  const pkg = JSON.parse(readFileSync(path.join(PACKAGE, "package.json"), "utf8"));
  const packed = packModule();
  const { files } = packed;
  console.log(`packed ${path.basename(packed.tarball)}: ${files.length} files, ${packed.size} bytes`);

  check(
    "no tests, fixtures or TypeScript source in the tarball",
    files.filter(
      (file) =>
        /(\.test\.|test-fixtures|fixtures?\/|__tests__)/.test(file) || /\.tsx?$/.test(file.replace(/\.d\.ts$/, "")),
    ),
  );
  check("a README", files.includes("README.md") ? [] : ["README.md is not packed"]);
  check(
    "package.json: publishable, licensed, engines, sideEffects",
    [
      pkg.private ? "private: true" : null,
      pkg.license ? null : "no license",
      pkg.engines?.node ? null : "no engines.node",
      Array.isArray(pkg.sideEffects) || pkg.sideEffects === false ? null : "sideEffects not declared",
      pkg.scripts?.prepack ? null : "no prepack script (npm pack would ship whatever dist/ holds)",
    ].filter(Boolean),
  );

  const exportProblems = [];
  for (const { subpath, target } of targets(pkg.exports ?? {})) {
    if (matches(target, files).length === 0 && sourceExpected(target))
      exportProblems.push(`exports["${subpath}"] → ${target}: not in the tarball`);
    if (/(?<!\.d)\.tsx?$/.test(target)) exportProblems.push(`exports["${subpath}"] → ${target}: TypeScript source`);
  }
  for (const [subpath, value] of Object.entries(pkg.exports ?? {})) {
    if (typeof value === "object" && !(value.types && Object.keys(value)[0] === "types"))
      exportProblems.push(`exports["${subpath}"]: "types" must come first`);
    if (typeof value === "object" && !String(value.default ?? value.import).startsWith("./dist/"))
      exportProblems.push(`exports["${subpath}"]: JavaScript must come from dist/`);
  }
  for (const [name, target] of Object.entries(pkg.bin ?? {})) {
    const file = target.replace(/^\.\//, "");
    if (!files.includes(file) && sourceExpected(file))
      exportProblems.push(`bin "${name}" → ${file}: not in the tarball`);
  }
  check("every export and bin has its built JavaScript and declarations", exportProblems);

  // Every source file that starts with "use client" keeps it in dist/ (client, ui and admin components).
  const clientSources = execFileSync("grep", ["-rlx", '"use client";', path.join(PACKAGE, "src")], { encoding: "utf8" })
    .split("\n")
    .filter((file) => file && !file.includes(".test."));
  const directiveProblems = [];
  for (const source of clientSources) {
    const relative = path.relative(path.join(PACKAGE, "src"), source).replace(/\.tsx?$/, ".js");
    const built = path.join(PACKAGE, "dist", relative);
    if (!existsSync(built)) continue; // not reachable from an entry point: not shipped
    if (!readFileSync(built, "utf8").startsWith('"use client";'))
      directiveProblems.push(`dist/${relative} lost its "use client"`);
  }
  if (clientSources.length === 0) directiveProblems.push('no source file has a "use client" directive?');
  check(`"use client" kept (${clientSources.length} source files)`, directiveProblems);

  const styleProblems = [];
  if (!files.includes("dist/styles.css")) styleProblems.push("dist/styles.css is not packed");
  else {
    const css = readFileSync(path.join(PACKAGE, "dist/styles.css"), "utf8");
    if (!css.includes(".step-up-dialog__dialog"))
      styleProblems.push("the dialog's CSS module is not compiled into styles.css");
  }
  for (const file of files.filter((file) => file.endsWith(".js"))) {
    if (/^import\s*(?:[\w{}\s,*]+from\s*)?["'][^"']+\.css["']/m.test(readFileSync(path.join(PACKAGE, file), "utf8")))
      styleProblems.push(`${file} imports a stylesheet`);
  }
  check("one plain stylesheet, no CSS imported from JavaScript", styleProblems);

  check(
    "the module's Prisma types ship as declarations only (no client for a host to generate)",
    [
      files.includes("dist/generated/prisma-types/index.d.ts")
        ? null
        : "dist/generated/prisma-types/index.d.ts is not packed",
      ...files
        .filter((file) => file.startsWith("dist/generated/prisma-types/") && !file.endsWith(".d.ts"))
        .map((file) => `${file} packed`),
      ...files
        .filter((file) => /generated\/[^/]+\/runtime\//.test(file))
        .map((f) => `${f}: a copy of Prisma's runtime`),
    ].filter(Boolean),
  );

  // The declarations as a host's compiler reads them without skipLibCheck (packages/step-up/tsconfig.dist.json);
  // errors inside other packages' own declarations are theirs.
  const tsc = spawnSync(path.join(BIN, "tsc"), ["-p", path.join(PACKAGE, "tsconfig.dist.json")], {
    cwd: PACKAGE,
    encoding: "utf8",
  });
  const declarationErrors = `${tsc.stdout}${tsc.stderr}`.split("\n").filter((line) => line.startsWith("dist/"));
  check(
    "the shipped declarations type-check (skipLibCheck off)",
    tsc.status !== 0 && declarationErrors.length === 0 && !/error TS/.test(tsc.stdout)
      ? [tsc.stdout || tsc.stderr]
      : declarationErrors,
  );

  const publint = spawnSync(path.join(BIN, "publint"), ["run", packed.tarball, "--strict"], { encoding: "utf8" });
  const publintLines = `${publint.stdout}${publint.stderr}`.split("\n").filter((line) => /^\d+\. /.test(line));
  const expectedLater = (line) =>
    (line.includes('"./adapters/*"') && !sourceExpected("dist/adapters/")) ||
    (line.includes('"./testing"') && !sourceExpected("dist/testing/")) ||
    (line.includes("pkg.bin") && !sourceExpected("dist/cli/index.js"));
  check("publint --strict", [
    ...publintLines.filter((line) => !expectedLater(line)),
    ...(publint.status !== 0 && publintLines.length === 0 ? [publint.stderr || publint.stdout] : []),
  ]);
  for (const line of publintLines.filter(expectedLater)) console.log(`       (not yet in this tree: ${line})`);

  // Assets are not modules: attw checks the JavaScript entry points.
  const attw = spawnSync(
    path.join(BIN, "attw"),
    [
      packed.tarball,
      "--profile",
      "esm-only",
      "--exclude-entrypoints",
      "styles.css",
      "prisma/step-up.prisma",
      ...(sourceExpected("dist/testing/") ? [] : ["testing"]),
      "--format",
      "ascii",
    ],
    { encoding: "utf8" },
  );
  check("attw --profile esm-only", attw.status === 0 ? [] : [`${attw.stdout}${attw.stderr}`.trim()]);

  rmSync(packed.destination, { recursive: true, force: true });
  const failed = results.filter((result) => result.problems.length > 0).length;
  console.log(`\npackage: ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) run();
