import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SupportedProvider } from "../shared/audit-triggers";

/** The host files the wiring goes into, found by what they contain (paths relative to the root). */
export interface HostFiles {
  /** Where `initTRPC` is called: the formatter and transformer go there. */
  trpcInit: string | null;
  /** Where `appRouter` is defined: `stepUp: stepUp.router` goes there. */
  rootRouter: string | null;
  /** Where the tRPC client's links are: `stepUpLink` and `<StepUpProvider>` go there. */
  providers: string | null;
  /** The root layout: the stylesheet import goes there. */
  layout: string | null;
  /** Every source file read, with its text (for `doctor`). */
  sources: Map<string, string>;
}

const SKIP = new Set(["node_modules", ".next", "dist", "build", "out", "generated", ".git", "coverage"]);
const MAX_FILES = 3000;

export function findHostFiles(root: string): HostFiles {
  const sources = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (sources.size >= MAX_FILES || SKIP.has(entry.name) || entry.name.startsWith(".")) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(m?[jt]sx?|css)$/.test(entry.name) && !/\.(test|spec)\./.test(entry.name))
        sources.set(path.relative(root, file), readFileSync(file, "utf8"));
    }
  };
  for (const dir of ["src", "app", "server", "lib"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  const find = (pattern: RegExp) => [...sources].find(([, text]) => pattern.test(text))?.[0] ?? null;
  const layout = ["src/app/layout.tsx", "app/layout.tsx", "src/app/layout.jsx", "app/layout.jsx"].find((file) =>
    sources.has(file),
  );
  return {
    trpcInit: find(/\binitTRPC\b/),
    rootRouter: find(/export\s+const\s+appRouter\b/) ?? find(/\bappRouter\s*=/),
    providers: find(/\bhttpBatch(Stream)?Link\b|\bhttpLink\s*\(/),
    layout: layout ?? null,
    sources,
  };
}

/** Whether the host signs users in with Auth.js (next-auth in its package.json): the wiring then uses its adapter. */
export function usesAuthjs(root: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, unknown>;
    return ["dependencies", "devDependencies"].some((field) =>
      Object.hasOwn((pkg[field] as Record<string, string> | undefined) ?? {}, "next-auth"),
    );
  } catch {
    return false;
  }
}

/** The lines to paste, each under the host's own file name (README, "Add step-up to your app"). */
export function describeWiring(files: HostFiles, provider: SupportedProvider, authjs = false): string {
  const name = (file: string | null, fallback: string) => file ?? `${fallback} (not found: your file that does this)`;
  const instance = files.trpcInit ? path.join(path.dirname(files.trpcInit), "step-up.ts") : "src/server/step-up.ts";
  const ports = authjs
    ? [
        '     import { createAuthjsAdapter } from "@step-up/next/adapters/authjs";',
        "     const authjs = createAuthjsAdapter({ db });   // Auth.js (next-auth in package.json); in your NextAuth config: events: authjs.events,",
        "     export const stepUp = createStepUp<Context>({ ...authjs.ports });   // then stepUp.attach(appRouter) in 3.",
      ]
    : ["     export const stepUp = createStepUp<Context>({ db, identity, http, users });"];
  return [
    'Wire it (README, "Add step-up to your app"):',
    "",
    `1. ${instance} (new): one instance (secret and relying party from STEP_UP_SECRET and STEP_UP_ORIGIN)`,
    '     import { createStepUp } from "@step-up/next/server";',
    ...ports,
    "",
    `2. ${name(files.trpcInit, "your initTRPC file")}: in initTRPC…create({ … })`,
    "     transformer: superjson,",
    "     errorFormatter: ({ shape, error }) => formatStepUpError(shape, error),   // from @step-up/next/server",
    "   and the procedure kind: export const stepUpProcedure = (d = {}) => protectedProcedure.concat(stepUp.procedure(d));",
    "",
    `3. ${name(files.rootRouter, "your app router")}: mount the module's router`,
    "     stepUp: stepUp.router,",
    "   then, after it: stepUp.attach(appRouter);",
    "   and in your tRPC route's fetchRequestHandler({ … }): ...stepUp.trpcHandler,",
    "",
    `4. ${name(files.providers, "your tRPC client provider")}: from @step-up/next/client`,
    "     links: [stepUpLink(), /* your terminating link */]   and   <StepUpProvider>{children}</StepUpProvider>",
    "",
    `5. ${name(files.layout, "your root layout")}:`,
    '     import "@step-up/next/styles.css";',
    '   and app/settings/security/page.tsx: export { SecuritySettingsPage as default } from "@step-up/next/ui";',
    "",
    "6. .env: STEP_UP_SECRET=<openssl rand -hex 32>; in production STEP_UP_ORIGIN=https://your.app",
    "",
    `Then \`npx step-up doctor\` checks this wiring and \`npx step-up check\` the ${provider === "sqlite" ? "SQLite" : "PostgreSQL"} database.`,
  ].join("\n");
}
