import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { test as base, expect, type Page } from "@playwright/test";
import { createGuardrails, generate } from "otplib";
import { databaseFile } from "../../support/playwright-shared";
import { ALICE_BACKUP_CODES, ALICE_TOTP_SECRET, DEMO_PASSWORD } from "../../../prisma/seed-data";

export { expect };
/** The database playwright.config.ts gives the server. */
export const E2E_DATABASE_FILE = databaseFile("test-results/e2e-db");
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
let nextSpareBackupCode = ALICE_BACKUP_CODES.length - 1;
/** Each seeded backup code works once; tests take them in order from a fresh database. */
export function takeBackupCode(): string {
  const code = ALICE_BACKUP_CODES[nextBackupCode++];
  if (!code) throw new Error("Out of seeded backup codes");
  return code;
}

/**
 * Seeded codes from the end of the list, for journeys outside step-up-high: a worker restart after
 * a failure resets both counters, and the two ends never hand out the same code in one run.
 */
export function takeSpareBackupCode(): string {
  const code = ALICE_BACKUP_CODES[nextSpareBackupCode--];
  if (!code || nextSpareBackupCode < nextBackupCode - 1) throw new Error("Out of seeded backup codes");
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

export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: options.fullPage });
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
 * Ends the newest pending verification in the e2e database now, as if its ten minutes had passed
 * (the server's clock cannot be moved from the browser). Only the newest: earlier tests may leave
 * requirements pending (a refused call that was never verified), and those are not this test's.
 */
export function expireNewestPendingRequirement(): number {
  const db = new Database(E2E_DATABASE_FILE);
  try {
    return db
      .prepare(
        `UPDATE "StepUpRequirement" SET "expiresAt" = "createdAt" WHERE "id" = (
           SELECT "id" FROM "StepUpRequirement" WHERE "status" = 'pending' ORDER BY "createdAt" DESC LIMIT 1)`,
      )
      .run().changes;
  } finally {
    db.close();
  }
}

/**
 * Opens the verification the dialog asks for: clicks the combination when the picker shows
 * (a user with several methods), does nothing when there is only one.
 */
export async function chooseMethod(page: Page, name: string | RegExp): Promise<void> {
  const dialog = stepUpDialog(page);
  const picker = dialog.getByRole("group", { name: "Choose how to verify" });
  const field = dialog.locator("form");
  await expect(picker.or(field)).toBeVisible();
  if (await picker.isVisible())
    await picker.getByRole("button", { name: typeof name === "string" ? new RegExp(`^${name}$`) : name }).click();
}

/** Completes a password-only verification (bob, admin and gina at medium, or degraded above). */
export async function verifyWithPassword(page: Page): Promise<void> {
  const dialog = stepUpDialog(page);
  await chooseMethod(page, "Password");
  await dialog.getByLabel("Password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Verify" }).click();
  await expect(dialog).toBeHidden();
}

const totpSteps = new Map<string, number>();

/**
 * A TOTP code for any base32 secret (one set up on the page). Like freshTotp, never two codes from
 * the same 30-s step for one secret, since the server accepts each step once.
 */
export async function totpFor(secret: string): Promise<string> {
  const last = totpSteps.get(secret) ?? -1;
  if (Math.floor(Date.now() / 30_000) <= last)
    await new Promise((r) => setTimeout(r, (last + 1) * 30_000 - Date.now() + 250));
  totpSteps.set(secret, Math.floor(Date.now() / 30_000));
  return generate({ secret, guardrails, epoch: Math.floor(Date.now() / 1000) });
}

/** The newest code emailed to `to`, read from the development outbox page in a second tab. */
export async function readEmailedCode(page: Page, to: string): Promise<string> {
  const outbox = await page.context().newPage();
  try {
    await outbox.goto("/dev/outbox");
    const row = outbox.getByRole("table", { name: "Sent emails" }).getByRole("row").filter({ hasText: to }).first();
    const subject = (await row.getByRole("cell").nth(1).textContent()) ?? "";
    const code = /\b(\d{6})\b/.exec(subject)?.[1];
    if (!code) throw new Error(`No code in the newest email to ${to}: "${subject}"`);
    return code;
  } finally {
    await outbox.close();
  }
}

/** Chrome's virtual authenticator (CDP WebAuthn domain), from the module's test kit. */
export { addVirtualAuthenticator, type VirtualAuthenticator } from "@step-up/next/testing";
