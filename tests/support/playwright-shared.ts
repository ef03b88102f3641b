import { existsSync } from "node:fs";
import { devices, type PlaywrightTestConfig } from "@playwright/test";

/**
 * What every Playwright suite here shares (e2e, visual, security): Debian's Chromium when present
 * (scripts/ensure-browser.mjs installs it), else Playwright's own browser on a laptop that has one;
 * and a `next start` on its own port and its own freshly seeded SQLite database.
 */
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;

export const browserUse: PlaywrightTestConfig["use"] = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    // Without the background-networking flags Chromium keeps dialling Google on this closed network.
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
};

export interface ServerOptions {
  port: number;
  /** Under test-results/ (not tests/.tmp: the integration suite wipes that folder when it starts). */
  databaseDir: string;
  /** Shell commands run after the seed, before the server starts. */
  afterSeed?: string[];
  /**
   * A PostgreSQL database instead of the SQLite file in databaseDir (the multi-instance suite). Every
   * server migrates it (the runner lets one at a time through); only the one with `seed` seeds it.
   */
  postgres?: { url: string; seed: boolean };
  env?: Record<string, string>;
  /** false: serve the existing build (the caller checked it exists). */
  build?: boolean;
}

/** The database file a suite's server uses, for tests that read or age rows directly. */
export function databaseFile(databaseDir: string): string {
  return `${databaseDir}/app.db`;
}

/**
 * A fresh seeded database every run (tests spend single-use backup codes and TOTP steps), then the
 * production build served as `npm run demo` serves it. `npm test` builds once and sets E2E_SKIP_BUILD.
 */
type WebServer = Exclude<NonNullable<PlaywrightTestConfig["webServer"]>, unknown[]>;

export function nextServer(options: ServerOptions): WebServer {
  const { port, databaseDir, postgres } = options;
  const seed = postgres ? postgres.seed : true;
  return {
    command: [
      ...(postgres ? [] : [`rm -rf ${databaseDir}`, `mkdir -p ${databaseDir}`]),
      "node scripts/db/migrate.mjs",
      ...(seed ? ["npm run db:seed", ...(options.afterSeed ?? [])] : []),
      // Never when several servers share one `.next`: two builds at once delete each other's chunks.
      process.env.E2E_SKIP_BUILD || options.build === false ? "true" : "npx next build",
      `npx next start --port ${port}`,
    ].join(" && "),
    url: `http://localhost:${port}/sign-in`,
    reuseExistingServer: false,
    timeout: 240_000,
    // STEP_UP_DEMO=1: email codes go to the dev outbox, where the journeys read them. Passkeys:
    // WebAuthn checks the page's origin, which is this port (rp ID stays "localhost"). No
    // STEP_UP_ENCRYPTION_KEY: like the demo, seed and server share the development key.
    env: {
      DATABASE_URL: postgres ? postgres.url : `file:./${databaseFile(databaseDir)}`,
      STEP_UP_DEMO: "1",
      // A production build with the development key in the source: allowed only when said so.
      STEP_UP_ALLOW_DEV_KEY: "1",
      STEP_UP_ORIGIN: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    stdout: "ignore",
    stderr: "pipe",
  };
}
