import type { Browser, Page } from "@playwright/test";
import { expect, signIn, stepUpDialog, verifyWithPassword, type DemoUser } from "./fixtures";

/**
 * The admins have a password and their email only, so "high" degrades to a password or an email
 * code (demo config, audited). Completes that dialog with the password.
 */
export async function confirmWithPassword(page: Page): Promise<void> {
  await expect(stepUpDialog(page)).toBeVisible();
  await verifyWithPassword(page);
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
