import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets several checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// Not tests/.tmp: the integration suite wipes that folder when it starts.
const DATABASE_URL = "file:./test-results/e2e-db/e2e.db";
// Seed and server must share the key that encrypts alice's TOTP secret (test-only value).
const STEP_UP_ENCRYPTION_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

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
      // A production build run as a test environment: the mailer is the dev outbox (NODE_ENV is read
      // at run time there), so the journeys can read email codes at /dev/outbox.
      `NODE_ENV=test npx next start --port ${PORT}`,
    ].join(" && "),
    url: `http://localhost:${PORT}/sign-in`,
    reuseExistingServer: false,
    timeout: 240_000,
    // Passkeys: WebAuthn checks the page's origin, which is this port (rp ID stays "localhost").
    env: { DATABASE_URL, STEP_UP_ENCRYPTION_KEY, STEP_UP_ORIGIN: `http://localhost:${PORT}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdout: "ignore",
    stderr: "pipe",
  },
});
