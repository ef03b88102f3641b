import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * Two servers of one build: Auth.js with database sessions (create-t3-app's default; sign-in by email
 * link) and with JWT sessions (which also allows the Credentials provider). Each has its own database
 * and mail outbox. `E2E_SKIP_BUILD=1` when `next build` has just run.
 */
const PORT = Number(process.env.E2E_PORT ?? 4600);
const SERVERS = { database: PORT, jwt: PORT + 4 } as const;
const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";

export const outboxFile = (strategy: keyof typeof SERVERS) => `test-results/${strategy}/mail-outbox.jsonl`;
export const databaseFile = (strategy: keyof typeof SERVERS) => `test-results/${strategy}/app.db`;

function server(strategy: keyof typeof SERVERS, build: boolean) {
  const port = SERVERS[strategy];
  return {
    command: [
      `rm -rf test-results/${strategy}`,
      `mkdir -p test-results/${strategy}`,
      "npx prisma migrate deploy",
      "npx tsx --conditions=react-server prisma/seed.ts",
      build && !process.env.E2E_SKIP_BUILD ? "npx next build" : "true",
      `npx next start --port ${port}`,
    ].join(" && "),
    url: `http://localhost:${port}/api/auth/providers`,
    reuseExistingServer: false,
    timeout: 300_000,
    env: {
      DATABASE_URL: `file:./${databaseFile(strategy)}`,
      AUTH_SESSION_STRATEGY: strategy,
      MAIL_OUTBOX_FILE: outboxFile(strategy),
      // Keys for these test servers only; real deployments use `npx auth secret` / `openssl rand -hex 32`.
      AUTH_SECRET: "e2e-auth-secret-for-the-t3-authjs-example",
      STEP_UP_SECRET: "a11e".repeat(16),
      // `next start` behind no proxy: Auth.js takes the host from the request.
      AUTH_TRUST_HOST: "true",
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
  projects: [
    {
      name: "database",
      testMatch: "database-sessions.test.ts",
      use: { baseURL: `http://localhost:${SERVERS.database}` },
    },
    { name: "jwt", testMatch: "jwt-sessions.test.ts", use: { baseURL: `http://localhost:${SERVERS.jwt}` } },
  ],
  // One build, by the first server; the second starts after it (Playwright starts them in order).
  webServer: [server("database", true), server("jwt", false)],
});
