import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { nextServer } from "./tests/support/playwright-shared";

/**
 * Two `next start` processes on one PostgreSQL database, behind an imaginary load balancer with no
 * sticky sessions: every client's requests alternate between them (tests/security/support/http.ts).
 * `npm run test:instances` runs it on a throwaway server (scripts/with-postgres.mjs sets POSTGRES_URL, and
 * POSTGRES_LOG, the server log that concurrent-load.test.ts reads for deadlocks)
 * against the existing production build (`npm run build` first; `npm test` builds once for all suites).
 */
const POSTGRES_URL = process.env.POSTGRES_URL;
if (!POSTGRES_URL) throw new Error("playwright.instances.config.ts needs POSTGRES_URL: run `npm run test:instances`");
if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first");

const PORTS = [Number(process.env.INSTANCES_PORT ?? 3400), Number(process.env.INSTANCES_PORT ?? 3400) + 1];
// The public origin both servers answer for; the catalog's client sends Host and Origin for it.
process.env.SECURITY_PORT = String(PORTS[0]);
process.env.INSTANCE_PORTS = PORTS.join(",");
// One database per run, named once here: the config is loaded again in each worker, with this env.
process.env.INSTANCES_DATABASE ??= `instances_${Date.now()}`;
const database = new URL(POSTGRES_URL);
database.pathname = `/${process.env.INSTANCES_DATABASE}`;
process.env.INSTANCES_DATABASE_URL = database.toString();

export default defineConfig({
  testDir: "tests/instances",
  testMatch: "**/*.test.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results/instances-artifacts",
  webServer: PORTS.map((port, i) =>
    nextServer({
      port,
      databaseDir: "test-results/instances-db",
      postgres: { url: database.toString(), seed: i === 0 },
      build: false,
      afterSeed: ["npx tsx --conditions=react-server tests/security/support/seed-users.ts"],
      env: {
        STEP_UP_TRUST_PROXY: "1",
        STEP_UP_ORIGIN: `http://localhost:${PORTS[0]}`,
        // Both servers share what every instance must: the database and the secret key.
        STEP_UP_ENCRYPTION_KEY: "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90",
      },
    }),
  ),
});
