import { defineConfig } from "@playwright/test";
import { nextServer } from "./tests/support/playwright-shared";

/**
 * The attack catalog (tests/security, docs/security.md): real HTTP against `next start`, no browser.
 * Its own port and database, so it runs beside the e2e suite; SECURITY_PORT overrides the port.
 */
const PORT = Number(process.env.SECURITY_PORT ?? 3300);
process.env.SECURITY_PORT = String(PORT);

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
  // The demo as `npm run demo` serves it: the configuration the attacks must fail against.
  webServer: nextServer({
    port: PORT,
    databaseDir: "test-results/security-db",
    afterSeed: ["npx tsx --conditions=react-server tests/security/support/seed-users.ts"],
    // As if behind one proxy that appends the client's address to X-Forwarded-For; the catalog's
    // client plays that proxy (tests/security/support/http.ts), so per-address limits can be tested.
    env: { STEP_UP_TRUST_PROXY: "1" },
  }),
});
