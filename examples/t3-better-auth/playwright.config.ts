import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/** One server: better-auth with passwords and email links. `E2E_SKIP_BUILD=1` when `next build` has just run. */
const PORT = Number(process.env.E2E_PORT ?? 4800);
const SERVERS = { app: PORT } as const;
const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";

export const outboxFile = (strategy: keyof typeof SERVERS) => `test-results/${strategy}/mail-outbox.jsonl`;
export const databaseFile = (strategy: keyof typeof SERVERS) => `test-results/${strategy}/app.db`;

function server(strategy: keyof typeof SERVERS) {
  const port = SERVERS[strategy];
  return {
    command: [
      `rm -rf test-results/${strategy}`,
      `mkdir -p test-results/${strategy}`,
      "npx prisma migrate deploy",
      "npx tsx --conditions=react-server prisma/seed.ts",
      process.env.E2E_SKIP_BUILD ? "true" : "npx next build",
      `npx next start --port ${port}`,
    ].join(" && "),
    url: `http://localhost:${port}/api/auth/ok`,
    reuseExistingServer: false,
    timeout: 300_000,
    env: {
      DATABASE_URL: `file:./${databaseFile(strategy)}`,
      MAIL_OUTBOX_FILE: outboxFile(strategy),
      // Keys for this test server only; real deployments use `openssl rand -hex 32`.
      BETTER_AUTH_SECRET: "e2e-auth-secret-for-the-t3-better-auth-example",
      STEP_UP_SECRET: "a11e".repeat(16),
      BETTER_AUTH_URL: `http://localhost:${port}`,
      STEP_UP_ORIGIN: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  };
}

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
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      // Without the background-networking flags Chromium keeps dialling Google on a closed network.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [{ name: "app", testMatch: "better-auth.test.ts", use: { baseURL: `http://localhost:${SERVERS.app}` } }],
  webServer: [server("app")],
});
