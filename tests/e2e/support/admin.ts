import type { Browser, Page } from "@playwright/test";
import { ADMIN_TOTP_SECRETS } from "../../../prisma/seed-data";
import { PASSWORD, chooseMethod, expect, signIn, stepUpDialog, totpFor, type DemoUser } from "./fixtures";

/**
 * Admin changes need high, which a password alone never clears (ADR 011): the seeded admins verify
 * with password + their authenticator app. Completes that dialog.
 */
export async function confirmAdminStepUp(page: Page, admin: "admin" | "gina" = "admin"): Promise<void> {
  const dialog = stepUpDialog(page);
  await expect(dialog).toBeVisible();
  await chooseMethod(page, /Password \+ authenticator code/);
  await dialog.getByLabel("Password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Continue" }).click();
  const code = await totpFor(ADMIN_TOTP_SECRETS[`${admin}@example.com`]);
  await dialog.getByLabel("6-digit code from your authenticator app").fill(code);
  await dialog.getByRole("button", { name: "Verify" }).click();
  await expect(dialog).toBeHidden();
}

/** A second signed-in user in their own browser context (own cookies), for cross-user journeys. */
export async function openAs(browser: Browser, user: DemoUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

/**
 * Waits for an admin page's queries to settle before a scan or screenshot: nothing says
 * "Loading…" and no region is busy (debounced simulator and filters included).
 */
export async function settle(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** The whole admin page (they scroll), under test-results/screenshots/ like the other journeys. */
export async function saveFullScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
