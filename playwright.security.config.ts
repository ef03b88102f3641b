import { defineConfig } from "@playwright/test";

/**
 * The attack catalog (tests/security, docs/security.md): real HTTP against `next start`, no browser.
 * Its own port and database, so it runs beside the e2e suite; SECURITY_PORT overrides the port.
 */
const PORT = Number(process.env.SECURITY_PORT ?? 3300);
process.env.SECURITY_PORT = String(PORT);
// Not tests/.tmp: the integration suite wipes that folder when it starts.
const DATABASE_URL = "file:./test-results/security-db/security.db";

export default defineConfig({
  testDir: "tests/security",
  testMatch: "**/*.test.ts",
  // Every test uses its own seeded accounts and client addresses: safe in parallel and in any order.
  fullyParallel: true,
  workers: Number(process.env.SECURITY_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results/security-artifacts",
  use: { baseURL: `http://localhost:${PORT}` },
  webServer: {
    // A fresh database every run: the catalog spends backup codes, locks accounts and drains balances.
    command: [
      "rm -rf test-results/security-db",
      "mkdir -p test-results/security-db",
      "npx prisma migrate deploy",
      "npm run db:seed",
      "npx tsx --conditions=react-server tests/security/support/seed-users.ts",
      process.env.E2E_SKIP_BUILD ? "true" : "npx next build",
      // The demo as `npm run demo` serves it (STEP_UP_DEMO=1): the configuration the attacks must fail against.
      `npx next start --port ${PORT}`,
    ].join(" && "),
    url: `http://localhost:${PORT}/sign-in`,
    reuseExistingServer: false,
    timeout: 240_000,
    // Same environment as the e2e server (playwright.config.ts): rp ID "localhost", origin on this port.
    env: {
      DATABASE_URL,
      STEP_UP_DEMO: "1",
      STEP_UP_ALLOW_DEV_KEY: "1",
      // As if behind one proxy that appends the client's address to X-Forwarded-For; the catalog's
      // client plays that proxy (tests/security/support/http.ts), so per-address limits can be tested.
      STEP_UP_TRUST_PROXY: "1",
      STEP_UP_ORIGIN: `http://localhost:${PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
