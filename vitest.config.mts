import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(`./packages/step-up/src/${path}`, import.meta.url));

const alias = [
  // The module's entry points from its source, as in tsconfig.json's paths (ADR 031): the package's
  // dist/ is what Next and the example hosts load; tests and the internals they import share one copy.
  { find: /^@step-up\/next\/admin$/, replacement: source("ui/admin/index.ts") },
  {
    find: /^@step-up\/next\/(server|client|ui|engine|testing\/server|testing|adapters\/[\w-]+)$/,
    replacement: source("$1/index.ts"),
  },
  { find: "@/step-up", replacement: source("").replace(/\/$/, "") },
  { find: "@", replacement: fileURLToPath(new URL("./src", import.meta.url)) },
  // `server-only` throws outside a React Server environment; tests run server code directly.
  { find: "server-only", replacement: fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)) },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The same suite on PostgreSQL (a throwaway server unless POSTGRES_URL is set): ADR 018.
        resolve: { alias },
        test: {
          name: "integration-postgres",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
