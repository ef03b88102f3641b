import { defineConfig } from "@playwright/test";
import { browserUse, nextServer } from "./tests/support/playwright-shared";

// E2E_PORT lets several checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_DIR = "test-results/e2e-db";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.test.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A journey that uses one authenticator twice waits for the next 30-s step (each is accepted once).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results/artifacts",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...browserUse,
  },
  // Webhook endpoints in the admin journey need not resolve to a public address (ADR 021).
  webServer: nextServer({ port: PORT, databaseDir: E2E_DATABASE_DIR, env: { STEP_UP_WEBHOOKS_ALLOW_PRIVATE: "1" } }),
});
