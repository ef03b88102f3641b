import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { createGuardrails, generate } from "otplib";
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

/** The module's dialog (from `StepUpProvider`). */
export function stepUpDialog(page: Page) {
  return page.getByRole("dialog", { name: "Confirm it’s you" });
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

// The module's secrets are 20 bytes; otplib's default guardrail asks for more.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

/** The current code of an authenticator app holding `secret` (base32, spaces allowed). */
export function totpCode(secret: string): Promise<string> {
  return generate({ secret: secret.replace(/\s/g, ""), guardrails, epoch: Math.floor(Date.now() / 1000) });
}

/** WCAG 2.1 AA violations on the page, as readable lines (an empty list passes). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
