// The package's build (ADR 031): every module of src/ compiled on its own into dist/ (ESM JavaScript
// and declarations side by side), so each file keeps its "use client" directive and a server
// component that imports `isStepUpRequired` from ./client gets the function, not a client reference.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { transform } from "lightningcss";
import { defineConfig, type UserConfig } from "tsdown";

type Plugin = Extract<NonNullable<UserConfig["plugins"]>, { name: string }>;

/**
 * The entry points: one per `exports` subpath of package.json, plus those added later by globs —
 * `src/cli/index.ts` (the `step-up` bin), `src/testing/index.ts` (`./testing`) and
 * `src/adapters/<name>/index.ts` (`./adapters/<name>`). A glob that matches nothing adds nothing.
 * `src/testing/server/index.ts` is `./testing/server`, the test kit's server side.
 */
const ENTRIES = [
  "src/server/index.ts",
  "src/client/index.ts",
  "src/i18n/index.ts",
  "src/ui/index.ts",
  "src/ui/admin/index.ts",
  "src/engine/index.ts",
  "src/{cli,testing}/index.ts",
  "src/testing/server/index.ts",
  "src/adapters/*/index.ts",
];

const STYLESHEET = "src/ui/styles.css";

/**
 * CSS modules become plain CSS: class names are fixed (`step-up-dialog__<name>`), the JavaScript gets
 * the name map, and the rules join src/ui/styles.css in dist/styles.css, the one stylesheet a host
 * imports. So no host needs CSS-module support for a file in node_modules, and nothing in dist/
 * imports a stylesheet from JavaScript (tests that load the client under plain Node keep working).
 */
function cssModules(): Plugin {
  const compiled = new Map<string, string>();
  return {
    name: "step-up:css-modules",
    // Resolved to a `.css.js` id: the module is JavaScript from here on (tsdown refuses `.css` ids).
    async resolveId(source, importer) {
      if (!source.endsWith(".module.css") || !importer) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved ? `${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.endsWith(".module.css.js")) return null;
      const file = id.slice(0, -".js".length);
      const name = file.slice(file.lastIndexOf("/") + 1, -".module.css".length);
      const result = transform({
        filename: file,
        code: readFileSync(file),
        cssModules: { pattern: `${name}__[local]`, dashedIdents: false },
      });
      compiled.set(file, result.code.toString());
      const classes = Object.fromEntries(Object.entries(result.exports ?? {}).map(([key, value]) => [key, value.name]));
      return { code: `export default ${JSON.stringify(classes, null, 2)};\n`, moduleType: "js" };
    },
    generateBundle() {
      const parts = [readFileSync(STYLESHEET, "utf8")];
      for (const [id, css] of [...compiled].sort(([a], [b]) => a.localeCompare(b)))
        parts.push(`/* ${id.slice(id.indexOf("/src/") + 1)}, compiled from a CSS module */\n${css}`);
      this.emitFile({ type: "asset", fileName: "styles.css", source: parts.join("\n") });
    },
  };
}

const PRISMA_TYPES = "src/generated/prisma-types/index.d.ts";

/**
 * The generated client's declarations (prisma-client-js, src/generated/prisma-types/index.d.ts) as the
 * build needs them, rewritten in place before each build (idempotent):
 * - they import Prisma's runtime types from a copy beside them; here from the host's own
 *   `@prisma/client` (a peer, ~6.19), so the module's types and the host's client share one runtime;
 * - `import $Utils = runtime.Types.Utils` aliases are spelled out: the declaration bundler drops
 *   import-equals aliases, which left `$Utils` and friends unresolved in dist/;
 * - the generator's package.json goes: the folder is part of this package (eslint's
 *   import/no-relative-packages would otherwise see `../generated/prisma-types/client` leave the package).
 */
function prepareGeneratedPrismaTypes() {
  if (!existsSync(PRISMA_TYPES))
    throw new Error(`${PRISMA_TYPES} is missing: run \`npm run db:generate\` at the repository root first`);
  const aliases = new Map<string, string>();
  const text = readFileSync(PRISMA_TYPES, "utf8")
    .replace("from './runtime/client.js'", "from '@prisma/client/runtime/client'")
    .replace(/^import (\$\w+) = (runtime\.[\w.]+).*\n/gm, (_line, alias: string, target: string) => {
      aliases.set(alias, target);
      return "";
    });
  let rewritten = text;
  for (const [alias, target] of aliases) rewritten = rewritten.replace(new RegExp(`\\${alias}\\b`, "g"), target);
  if (rewritten !== readFileSync(PRISMA_TYPES, "utf8")) writeFileSync(PRISMA_TYPES, rewritten);
  rmSync(path.join(path.dirname(PRISMA_TYPES), "package.json"), { force: true });
}

export default defineConfig({
  entry: ENTRIES,
  unbundle: true,
  // .js and .d.ts: the package is "type": "module".
  fixedExtension: false,
  format: "esm",
  platform: "node",
  target: "es2022",
  outDir: "dist",
  clean: true,
  tsconfig: "tsconfig.build.json",
  // Declarations from the TypeScript compiler. The module's Prisma model types (src/generated/prisma-types,
  // generated from prisma/client.prisma before the build) are imported type-only, so they ship as
  // declarations only: no host generates a client for the module. The runtime client in
  // src/generated/prisma is reached only by @step-up/next/testing and ships compiled.
  dts: { sourcemap: false },
  sourcemap: false,
  // Everything from node_modules stays an import (dependencies and peers): a devDependency reached
  // from src/ would be inlined, which this turns into a build error.
  deps: { onlyBundle: [] },
  plugins: [cssModules()],
  // Quiet in `npm test`: no table of 250 file sizes, no plugin-timing advice.
  report: false,
  checks: { pluginTimings: false },
  hooks: { "build:prepare": prepareGeneratedPrismaTypes },
});
