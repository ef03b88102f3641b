import { defineConfig } from "@playwright/test";
import { browserUse, nextServer } from "./tests/support/playwright-shared";

/**
 * `npm run bench:dialog`: browser measurements printed as figures (tests/perf), never asserted
 * against a time. Serves the existing production build (`npm run build` first) on its own port.
 */
const PORT = Number(process.env.PERF_PORT ?? 3800);

export default defineConfig({
  testDir: "tests/perf",
  testMatch: "**/*.test.ts",
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results/perf-artifacts",
  use: { baseURL: `http://localhost:${PORT}`, ...browserUse },
  webServer: nextServer({ port: PORT, databaseDir: "test-results/perf-db", env: { E2E_SKIP_BUILD: "1" } }),
});
