import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { test as base, expect, type Page } from "@playwright/test";
import { createGuardrails, generate } from "otplib";
import { ALICE_BACKUP_CODES, ALICE_TOTP_SECRET, DEMO_PASSWORD } from "../../../prisma/seed-data";

export { expect };
/** The database playwright.config.ts gives the server. */
export const E2E_DATABASE_FILE = "test-results/e2e-db/e2e.db";
export const PASSWORD = DEMO_PASSWORD;
export type DemoUser = "alice" | "bob" | "admin" | "gina";

/** Signs in through the real form and lands on the dashboard. */
export async function signIn(page: Page, user: DemoUser): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(`${user}@example.com`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
}

export const test = base.extend<{ signIn: (user: DemoUser) => Promise<void> }>({
  signIn: async ({ page }, use) => {
    await use((user) => signIn(page, user));
  },
});

const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
let lastStep = -1;

/**
 * A TOTP code for alice from the seeded secret. The server accepts each 30-s step once per user,
 * so a second code in the same step waits for the next one.
 */
export async function freshTotp(): Promise<string> {
  let step = Math.floor(Date.now() / 30_000);
  if (step <= lastStep) {
    await new Promise((r) => setTimeout(r, (lastStep + 1) * 30_000 - Date.now() + 250));
    step = Math.floor(Date.now() / 30_000);
  }
  lastStep = step;
  return generate({ secret: ALICE_TOTP_SECRET, guardrails, epoch: Math.floor(Date.now() / 1000) });
}

let nextBackupCode = 0;
/** Each seeded backup code works once; tests take them in order from a fresh database. */
export function takeBackupCode(): string {
  const code = ALICE_BACKUP_CODES[nextBackupCode++];
  if (!code) throw new Error("Out of seeded backup codes");
  return code;
}

export function stepUpDialog(page: Page) {
  return page.getByRole("dialog", { name: "Confirm it’s you" });
}

/** axe-core with WCAG 2.1 AA rules; returns the violations for a readable assertion. */
export async function scanAccessibility(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

/** The page's own alert (Next's route announcer is an alert too). */
export function pageAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

export async function readBalance(page: Page): Promise<number> {
  await expect(page.getByTestId("balance")).toHaveText(/\d/);
  return Number((await page.getByTestId("balance").textContent())?.replace(/[^\d.]/g, ""));
}

/**
 * Ends every pending verification in the e2e database now, as if its ten minutes had passed
 * (the server's clock cannot be moved from the browser).
 */
export function expirePendingRequirements(): number {
  const db = new Database(E2E_DATABASE_FILE);
  try {
    return db.prepare(`UPDATE "StepUpRequirement" SET "expiresAt" = "createdAt" WHERE "status" = 'pending'`).run().changes;
  } finally {
    db.close();
  }
}
