/**
 * Bundle cost of the step-up client: `npm run bundle-size` (after `npm run build` for part 2).
 *
 * 1. With vs without: two browser bundles built the way a page uses them, one with the tRPC client
 *    and React Query only, one that also renders <StepUpProvider> (dialog included) and adds
 *    stepUpLink. The difference in gzip bytes is what step-up adds. Target: <= 12 kB.
 *    Code splitting is on, as in Next: what a dynamic import() pulls in (the WebAuthn browser library,
 *    loaded only when a passkey is used) is a lazy chunk, reported apart and not counted as added.
 * 2. From the .next build manifests: first-load JS (gzip) of every app route, and the chunks that
 *    carry the root <Providers> (step-up is not a client boundary itself, so it has no chunk of its own).
 * 3. Where @simplewebauthn/browser ended up in the .next build: it must be in no route's first-load JS.
 */
import { build } from "esbuild";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = process.cwd();
const TARGET_BYTES = 12 * 1024;

const BASE = `
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import superjson from "superjson";
const api = createTRPCReact();
const queryClient = new QueryClient();
`;

const WITHOUT = `${BASE}
const client = api.createClient({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })] });
createRoot(document.body).render(createElement(api.Provider, { client, queryClient }, createElement(QueryClientProvider, { client: queryClient }, "app")));
`;

const WITH = `${BASE}
import { StepUpProvider, stepUpLink, createStepUpController } from "@/step-up/client";
const controller = createStepUpController();
const client = api.createClient({ links: [stepUpLink({ controller }), httpBatchLink({ url: "/api/trpc", transformer: superjson })] });
createRoot(document.body).render(createElement(StepUpProvider, { controller }, createElement(api.Provider, { client, queryClient }, createElement(QueryClientProvider, { client: queryClient }, "app"))));
`;

interface Bundle {
  raw: number;
  gzip: number;
  /** Chunks loaded later through import(), with the packages in each. */
  lazy: { gzip: number; packages: string[] }[];
}

async function bundle(contents: string): Promise<Bundle> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "tsx", sourcefile: "entry.tsx" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    splitting: true,
    metafile: true,
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    alias: { "@": path.join(root, "src") },
    define: { "process.env.NODE_ENV": '"production"' },
    // CSS modules: the class-name map lands in JS as in Next; the CSS itself is counted below.
    loader: { ".css": "local-css" },
    outdir: path.join(root, ".next/bundle-size"),
    logLevel: "error",
  });
  const outputs = result.metafile.outputs;
  const js = result.outputFiles.filter((f) => f.path.endsWith(".js"));
  const entry = js.find((f) => outputs[path.relative(root, f.path)]?.entryPoint)!;
  // Chunks the entry imports statically load with it; only import()-ed ones are lazy.
  const eager = new Set(
    outputs[path.relative(root, entry.path)]!.imports.filter((i) => i.kind === "import-statement").map((i) => i.path),
  );
  const initial = js.filter((f) => f === entry || eager.has(path.relative(root, f.path)));
  const size = (files: typeof js) => files.reduce((n, f) => n + gzipSync(f.contents, { level: 9 }).byteLength, 0);
  const lazy = js
    .filter((f) => !initial.includes(f))
    .map((f) => ({ gzip: size([f]), packages: packagesIn(Object.keys(outputs[path.relative(root, f.path)]!.inputs)) }));
  return { raw: initial.reduce((n, f) => n + f.contents.byteLength, 0), gzip: size(initial), lazy };
}

function packagesIn(inputs: string[]): string[] {
  const names = inputs.map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? "app code");
  return [...new Set(names)];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function measureWithAndWithout() {
  const [without, withStepUp] = await Promise.all([bundle(WITHOUT), bundle(WITH)]);
  const added = withStepUp.gzip - without.gzip;
  console.log("1. Client JS that step-up adds (esbuild, minified, gzip -9)");
  console.log(`   without step-up: ${kb(without.gzip)} gzip (${kb(without.raw)} raw)`);
  console.log(`   with step-up:    ${kb(withStepUp.gzip)} gzip (${kb(withStepUp.raw)} raw)`);
  console.log(
    `   added:           ${kb(added)} gzip (${kb(withStepUp.raw - without.raw)} raw); target <= ${kb(TARGET_BYTES)}: ${added <= TARGET_BYTES ? "met" : "MISSED"}`,
  );
  const css = readFileSync(path.join(root, "packages/step-up/src/client/step-up-dialog.module.css"));
  console.log(`   dialog CSS:      ${kb(gzipSync(css, { level: 9 }).byteLength)} gzip (loaded with the layout's CSS)`);
  for (const chunk of withStepUp.lazy) {
    console.log(`   lazy chunk:      ${kb(chunk.gzip)} gzip, loaded on first use: ${chunk.packages.join(", ")}`);
  }
  return added;
}

function gzipOfFiles(files: Iterable<string>): number {
  let total = 0;
  for (const file of files) {
    const full = path.join(root, ".next", file.replace(/^\/_next\//, ""));
    if (existsSync(full)) total += gzipSync(readFileSync(full), { level: 9 }).byteLength;
  }
  return total;
}

function findManifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return findManifests(full);
    return name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

interface ClientManifest {
  clientModules: Record<string, { chunks: string[] }>;
  entryJSFiles: Record<string, string[]>;
}

function measureNextBuild() {
  const buildManifestPath = path.join(root, ".next/build-manifest.json");
  const appDir = path.join(root, ".next/server/app");
  if (!existsSync(buildManifestPath) || !existsSync(appDir)) {
    console.log("2. No .next build found: run `npm run build` first for per-route figures.");
    return;
  }
  const { rootMainFiles } = JSON.parse(readFileSync(buildManifestPath, "utf8")) as { rootMainFiles: string[] };
  console.log("2. First-load JS per route from the .next manifests (gzip -9)");
  const stepUpChunks = new Set<string>();
  for (const file of findManifests(appDir).sort()) {
    const sandbox: { __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
    new Function("globalThis", readFileSync(file, "utf8"))(sandbox);
    for (const [route, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      if (!route.endsWith("/page") || route.includes("_not-found") || route.includes("_global-error")) continue;
      const files = new Set(rootMainFiles);
      for (const chunks of Object.values(manifest.entryJSFiles)) chunks.forEach((c) => files.add(c));
      for (const [id, entry] of Object.entries(manifest.clientModules)) {
        if (/src\/(step-up\/client|trpc)\//.test(id)) entry.chunks.forEach((c) => stepUpChunks.add(c));
      }
      console.log(`   ${route.replace(/\/page$/, "").replace("/(app)", "") || "/"}: ${kb(gzipOfFiles(files))}`);
    }
  }
  console.log(
    `   chunks of the root <Providers> (tRPC + React Query + step-up, with what they share): ${kb(gzipOfFiles(stepUpChunks))}`,
  );
}

/** A string only @simplewebauthn/browser contains (one of its WebAuthnError codes). */
const WEBAUTHN_MARKER = "ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT";

/** Checks that the WebAuthn browser library is a lazy chunk of the build, in no route's first load. */
function measureWebAuthnChunk(): boolean {
  const chunksDir = path.join(root, ".next/static/chunks");
  const appDir = path.join(root, ".next/server/app");
  if (!existsSync(chunksDir) || !existsSync(appDir)) return true;
  const chunks = listFiles(chunksDir).filter(
    (f) => f.endsWith(".js") && readFileSync(f, "utf8").includes(WEBAUTHN_MARKER),
  );
  const firstLoad = new Set<string>();
  for (const file of findManifests(appDir)) {
    const sandbox: { __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
    new Function("globalThis", readFileSync(file, "utf8"))(sandbox);
    for (const manifest of Object.values(sandbox.__RSC_MANIFEST ?? {})) {
      for (const list of Object.values(manifest.entryJSFiles))
        list.forEach((c) => firstLoad.add(path.join(root, ".next", c.replace(/^\/_next\//, ""))));
      for (const entry of Object.values(manifest.clientModules))
        entry.chunks.forEach((c) => firstLoad.add(path.join(root, ".next", c.replace(/^\/_next\//, ""))));
    }
  }
  const { rootMainFiles } = JSON.parse(readFileSync(path.join(root, ".next/build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  rootMainFiles.forEach((c) => firstLoad.add(path.join(root, ".next", c)));
  const eager = chunks.filter((c) => firstLoad.has(c));
  console.log("3. @simplewebauthn/browser in the .next build");
  for (const chunk of chunks) {
    const gzip = gzipSync(readFileSync(chunk), { level: 9 }).byteLength;
    console.log(
      `   ${path.relative(root, chunk)}: ${kb(gzip)} gzip, ${firstLoad.has(chunk) ? "IN THE FIRST LOAD of a route" : "lazy (import() on first passkey use)"}`,
    );
  }
  if (chunks.length === 0) console.log("   not found in .next/static/chunks (stale build?)");
  return eager.length === 0;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const added = await measureWithAndWithout();
measureNextBuild();
const webauthnIsLazy = measureWebAuthnChunk();
if (!webauthnIsLazy) process.exitCode = 1;
if (added > TARGET_BYTES) process.exitCode = 1;
