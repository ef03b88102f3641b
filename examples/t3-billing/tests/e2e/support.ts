import { expect, type Page } from "@playwright/test";
import { SEED_ACCOUNT } from "../../prisma/seed-data";

export const PASSWORD = SEED_ACCOUNT.password;

/** Signs in through the real form and lands on the billing page. */
export async function signIn(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(SEED_ACCOUNT.emailAddress);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
