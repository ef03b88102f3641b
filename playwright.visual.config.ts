import { defineConfig } from "@playwright/test";
import { browserUse, nextServer } from "./tests/support/playwright-shared";

/**
 * Visual regression: committed `toHaveScreenshot` baselines of the dialog and the pages people read
 * most, on a fixed viewport and a freshly seeded database of their own. Role-based tests and axe do
 * not see layout; these do. Update after an intended change with `npm run test:visual -- --update-snapshots`
 * and look at every changed image before committing it.
 */
const PORT = Number(process.env.VISUAL_PORT ?? 3101);

export default defineConfig({
  testDir: "tests/visual",
  testMatch: "**/*.test.ts",
  snapshotPathTemplate: "{testDir}/__screenshots__/{arg}-{platform}{ext}",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: {
    timeout: 10_000,
    // Same machine kind, same fonts, same seed: renders are pixel-identical run to run, so the
    // tolerance is tight. A 12-px shift of the admin sub-navigation (pale on pale) must fail.
    toHaveScreenshot: { maxDiffPixels: 50, threshold: 0.05, animations: "disabled", caret: "hide", scale: "css" },
  },
  reporter: [["list"]],
  outputDir: "test-results/visual-artifacts",
  use: {
    baseURL: `http://localhost:${PORT}`,
    ...browserUse,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: "en-GB",
    timezoneId: "UTC",
    colorScheme: "light",
  },
  webServer: nextServer({ port: PORT, databaseDir: "test-results/visual-db" }),
});
