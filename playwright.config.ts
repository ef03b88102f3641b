import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets several checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// Not tests/.tmp: the integration suite wipes that folder when it starts.
const DATABASE_URL = "file:./test-results/e2e-db/e2e.db";

// Debian's Chromium here (TOOLCHAIN.md); Playwright's own browser on a laptop that has one.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;

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
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // A fresh seeded database every run: tests spend single-use backup codes and TOTP steps.
    command: [
      "rm -rf test-results/e2e-db",
      "mkdir -p test-results/e2e-db",
      "npx prisma migrate deploy",
      "npm run db:seed",
      process.env.E2E_SKIP_BUILD ? "true" : "npx next build",
      // The production build, served as `npm run demo` serves it (STEP_UP_DEMO=1 below): email codes
      // go to the dev outbox, so the journeys can read them at /dev/outbox.
      `npx next start --port ${PORT}`,
    ].join(" && "),
    url: `http://localhost:${PORT}/sign-in`,
    reuseExistingServer: false,
    timeout: 240_000,
    // Passkeys: WebAuthn checks the page's origin, which is this port (rp ID stays "localhost").
    // No STEP_UP_ENCRYPTION_KEY: like the demo, seed and server share the development key.
    env: {
      DATABASE_URL,
      STEP_UP_DEMO: "1",
      STEP_UP_ALLOW_DEV_KEY: "1",
      STEP_UP_CONFIG: '{"onUnavailable":"degrade"}',
      STEP_UP_ORIGIN: `http://localhost:${PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
