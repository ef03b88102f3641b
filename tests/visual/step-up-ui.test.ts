import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { chooseMethod, expect, signIn, stepUpDialog, test } from "../e2e/support/fixtures";

/**
 * The dialog and the security settings at a desktop (1280×860) and a phone (390×844), light and dark,
 * in English, German and Arabic (right to left), with the long-data fixture: a recipient of 100
 * characters without a space, which must wrap inside the dialog. Every state shown also passes axe
 * with no serious or critical violation, in the scheme it is shown in. Not every combination is
 * taken — each page in English light on both screens, dark and the other languages on a subset —
 * so the suite stays fast. Runs after pages.test.ts on the same database (file order).
 */
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
const LONG_RECIPIENT = "Grundstuecksverwaltungsgesellschaft".repeat(3).slice(0, 100);

type Scheme = "light" | "dark";

async function show(page: Page, options: { viewport: typeof DESKTOP; scheme: Scheme }) {
  await page.setViewportSize(options.viewport);
  await page.emulateMedia({ colorScheme: options.scheme });
}

/** Compares with the baseline (dates and countdowns masked) and checks axe in the same state. */
async function expectLooksRight(page: Page, name: string, options: { fullPage?: boolean; scope?: string } = {}) {
  await expect(page).toHaveScreenshot(`${name}.png`, {
    fullPage: options.fullPage,
    mask: [page.locator("time"), page.locator("p:has(> time)")],
  });
  await page.screenshot({ path: `test-results/screenshots/visual-${name}.png`, fullPage: options.fullPage });
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (options.scope) builder.include(options.scope);
  const { violations } = await builder.analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    name,
  ).toEqual([]);
}

async function chooseLanguage(page: Page, locale: "en" | "de" | "ar") {
  await page.context().addCookies([{ name: "locale", value: locale, domain: "localhost", path: "/" }]);
}

/** Fills the transfer form, waits for its "what will be asked" line, and sends it. */
async function openTransferDialog(page: Page, to: string, amount: string) {
  await page.goto("/transfers");
  await page.getByLabel("Recipient").fill(to);
  await page.getByLabel("Amount").fill(amount);
  await expect(page.getByTestId("step-up-hint")).toBeVisible();
  await page.locator("form button[type=submit]").click();
  await expect(page.locator("dialog[open]")).toBeVisible();
}

test.describe("the dialog and security settings on any screen, in any language, light or dark", () => {
  test("the quick check: the picker, then a wrong password, on a desktop and a phone, light and dark", async ({
    page,
  }) => {
    await signIn(page, "gina");
    await show(page, { viewport: DESKTOP, scheme: "light" });
    await openTransferDialog(page, LONG_RECIPIENT, "3");
    const dialog = stepUpDialog(page);
    await expect(dialog.getByRole("group", { name: "Choose how to verify" })).toBeVisible();
    await expectLooksRight(page, "ui-medium-picker-en-light-desktop", { scope: "dialog" });

    await chooseMethod(page, "Password");
    await dialog.getByLabel("Password").fill("not-the-password");
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(dialog.getByRole("alert")).toContainText("didn’t match");
    await expect(dialog.getByLabel("Password")).toBeFocused();
    await expectLooksRight(page, "ui-medium-error-en-light-desktop", { scope: "dialog" });
    await show(page, { viewport: PHONE, scheme: "light" });
    await expectLooksRight(page, "ui-medium-error-en-light-phone", { scope: "dialog" });
    await show(page, { viewport: PHONE, scheme: "dark" });
    await expectLooksRight(page, "ui-medium-error-en-dark-phone", { scope: "dialog" });
    // Phones: the dialog's buttons one per line, full width, and never wider than the screen.
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    const buttons = await dialog
      .locator("form button")
      .evaluateAll((all) => all.map((b) => Math.round(b.getBoundingClientRect().width)));
    expect(new Set(buttons).size).toBe(1);
    await dialog.getByRole("button", { name: "Cancel" }).click();
  });

  test("the strong check in German and in Arabic, right to left", async ({ page }) => {
    await signIn(page, "alice");
    await chooseLanguage(page, "de");
    await show(page, { viewport: DESKTOP, scheme: "light" });
    await openTransferDialog(page, LONG_RECIPIENT, "5000");
    await expect(page.locator("dialog[open]")).toHaveAttribute("lang", "de");
    await expect(
      page.locator("dialog[open]").getByRole("group", { name: "Wählen Sie, wie Sie bestätigen" }),
    ).toBeVisible();
    await expectLooksRight(page, "ui-high-picker-de-light-desktop", { scope: "dialog" });

    await chooseLanguage(page, "ar");
    await openTransferDialog(page, LONG_RECIPIENT, "5000");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("dialog[open]")).toHaveAttribute("dir", "rtl");
    await page
      .locator("dialog[open]")
      .getByRole("button", { name: /^كلمة المرور \+ رمز المصادقة/ })
      .click();
    await expectLooksRight(page, "ui-high-form-ar-light-desktop", { scope: "dialog" });
    await show(page, { viewport: PHONE, scheme: "dark" });
    await expectLooksRight(page, "ui-high-form-ar-dark-phone", { scope: "dialog" });
    await page.keyboard.press("Escape");
    await chooseLanguage(page, "en");
  });

  test("the critical refusal with a 100-character recipient wraps, never scrolls sideways", async ({ page }) => {
    await signIn(page, "alice");
    await show(page, { viewport: DESKTOP, scheme: "light" });
    await openTransferDialog(page, LONG_RECIPIENT, "10000");
    const dialog = stepUpDialog(page);
    await expect(dialog.getByText("Approve this one action")).toBeVisible();
    await expect(dialog.getByText(LONG_RECIPIENT, { exact: false })).toBeVisible();
    await expect(dialog.getByRole("link", { name: /Set up a stronger method/ })).toBeVisible();
    await expectLooksRight(page, "ui-critical-refusal-en-light-desktop", { scope: "dialog" });
    for (const [viewport, scheme, name] of [
      [PHONE, "light", "ui-critical-refusal-en-light-phone"],
      [DESKTOP, "dark", "ui-critical-refusal-en-dark-desktop"],
    ] as const) {
      await show(page, { viewport, scheme });
      const overflow = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
      expect(overflow, name).toBe(0);
      await expectLooksRight(page, name, { scope: "dialog" });
    }
    await dialog.getByRole("button", { name: "Cancel" }).click();
  });

  test("the security settings, English on both screens, dark, German and Arabic", async ({ page }) => {
    await signIn(page, "alice");
    const shots = [
      ["en", DESKTOP, "light", "ui-security-en-light-desktop"],
      ["en", PHONE, "light", "ui-security-en-light-phone"],
      ["en", DESKTOP, "dark", "ui-security-en-dark-desktop"],
      ["de", DESKTOP, "light", "ui-security-de-light-desktop"],
      ["ar", PHONE, "dark", "ui-security-ar-dark-phone"],
    ] as const;
    for (const [locale, viewport, scheme, name] of shots) {
      await chooseLanguage(page, locale);
      await show(page, { viewport, scheme });
      await page.goto("/settings/security");
      await expect(page.locator(".step-up")).toHaveAttribute("lang", locale);
      await expect(page.locator(".step-up p.muted").filter({ hasText: /…$/ })).toHaveCount(0);
      // Phones: no page wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(viewport.width);
      await expectLooksRight(page, name, { fullPage: true });
    }
    await chooseLanguage(page, "en");
  });
});
