import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3500);
const DATABASE_DIR = "test-results/e2e-db";
// Debian's Chromium when present; otherwise Playwright's own browser.
const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.test.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results/artifacts",
  use: {
    ...devices["Desktop Chrome"],
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      // Without the background-networking flags Chromium keeps dialling Google on a closed network.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  // A fresh database every run (the journeys change the plan and spend TOTP steps), then the
  // production build. E2E_SKIP_BUILD=1 when `npm run build` has just run.
  webServer: {
    command: [
      `rm -rf ${DATABASE_DIR}`,
      `mkdir -p ${DATABASE_DIR}`,
      "npx prisma migrate deploy",
      "npm run db:seed",
      process.env.E2E_SKIP_BUILD ? "true" : "npx next build",
      `npx next start --port ${PORT}`,
    ].join(" && "),
    url: `http://localhost:${PORT}/sign-in`,
    reuseExistingServer: false,
    timeout: 240_000,
    env: {
      DATABASE_URL: `file:./${DATABASE_DIR}/app.db`,
      // A key for this test server only (64 hex characters); real deployments use `openssl rand -hex 32`.
      STEP_UP_SECRET: process.env.STEP_UP_SECRET ?? "e2e0".repeat(16),
      // WebAuthn and the same-origin check compare against the port the test server listens on.
      APP_ORIGIN: `http://localhost:${PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
