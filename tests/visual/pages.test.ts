import type { Page } from "@playwright/test";
import { chooseMethod, expect, freshTotp, PASSWORD, signIn, stepUpDialog, test } from "../e2e/support/fixtures";
import { settle } from "../e2e/support/admin";

/**
 * What changes from run to run is masked: dates and times (every one is a `<time>`), the chart's
 * day axis, generated ids. Everything else is seeded and must look exactly like the baseline.
 * The tests run in file order on one fresh database, so the audit page sees the same events each run.
 */
function changing(page: Page) {
  return [
    page.locator("time"),
    // A countdown's width changes as it runs ("10:00", then "9:59").
    page.locator("p:has(> time)"),
    page.locator("input[type=date]"),
    // The axes' labels as one box each, not tick by tick: a tick's box is as wide as its date's text,
    // and the dates move daily (the period ends today).
    page.locator(".recharts-xAxis"),
    page.locator(".recharts-cartesian-axis-tick-labels"),
    // Audit details carry generated ids; the median time to fulfil is a measured duration.
    page.locator("table .details"),
    page.locator(".metric").filter({ hasText: "Median time" }).locator(".metric-value"),
    // The funnel's slowest verification is measured too.
    page.locator(".funnel-slowest"),
  ];
}

/**
 * Compares with the committed baseline, then saves the unmasked page under test-results/screenshots/
 * (the README's screenshots are taken from there).
 */
async function expectLooksLike(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await expect(page).toHaveScreenshot(`${name}.png`, { ...options, mask: changing(page) });
  await page.screenshot({ path: `test-results/screenshots/visual-${name}.png`, fullPage: options.fullPage });
}

async function openTransferDialog(page: Page, amount: string) {
  await page.goto("/transfers");
  await page.getByLabel("Recipient").fill("Landlord");
  await page.getByLabel("Amount").fill(amount);
  await page.getByRole("button", { name: "Send transfer" }).click();
  await expect(stepUpDialog(page)).toBeVisible();
}

test.describe("how the product looks", () => {
  test("the dialog's method picker for a high transfer", async ({ page }) => {
    await signIn(page, "alice");
    await openTransferDialog(page, "5000");
    await expect(stepUpDialog(page).getByRole("group", { name: "Choose how to verify" })).toBeVisible();
    await expectLooksLike(page, "dialog-picker");
  });

  test("the dialog part-way through two factors", async ({ page }) => {
    await signIn(page, "alice");
    await openTransferDialog(page, "5000");
    const dialog = stepUpDialog(page);
    await chooseMethod(page, /Password \+ authenticator code/);
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Continue" }).click();
    await expect(dialog.getByLabel("6-digit code from your authenticator app")).toBeFocused();
    await expectLooksLike(page, "dialog-two-factor-progress");
    // Finish and remember the browser, so the devices page below has a row and alice's balance is
    // the same in every run.
    await dialog.getByLabel("6-digit code from your authenticator app").fill(await freshTotp());
    await dialog.getByRole("checkbox", { name: /Trust this device/ }).check();
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(dialog).toBeHidden();
  });

  test("the dialog locked after too many wrong passwords", async ({ page }) => {
    await signIn(page, "bob");
    await openTransferDialog(page, "20");
    const dialog = stepUpDialog(page);
    await chooseMethod(page, "Password");
    for (let attempt = 0; attempt < 5; attempt++) {
      await dialog.getByLabel("Password").fill("wrong-password");
      await dialog.getByRole("button", { name: "Verify" }).click();
      await expect(dialog.getByRole("alert")).toBeVisible();
    }
    await expect(dialog.getByRole("alert")).toContainText("this verification is locked");
    await expectLooksLike(page, "dialog-locked");
  });

  test("the security settings page", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto("/settings/security");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(/^Loading/)).toHaveCount(0);
    await expectLooksLike(page, "settings-security", { fullPage: true });
  });

  test("the admin policy list", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/policies");
    await settle(page);
    await expectLooksLike(page, "admin-policies", { fullPage: true });
  });

  test("the policy editor with its simulator", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/policies");
    await page.getByRole("link", { name: "Payment amounts" }).click();
    await settle(page);
    const simulator = page.getByRole("region", { name: "Try it in the simulator" });
    await simulator.getByLabel("User").selectOption({ label: "Alice Anders (alice@example.com)" });
    await simulator.getByLabel("Procedure").selectOption("transfers.create");
    await simulator.getByLabel("Amount").fill("5000");
    await expect(simulator.getByTestId("sim-verdict")).toHaveText("Step-up required: High");
    await settle(page);
    await expectLooksLike(page, "admin-policy-editor", { fullPage: true });
  });

  test("the admin audit log", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/audit");
    await settle(page);
    await expect(page.getByRole("table", { name: /events/i }).or(page.getByRole("table").last())).toBeVisible();
    // The funnel (ADR 023): the earlier tests' transfers, by how they ended, chart and table.
    const funnel = page.getByRole("table", { name: "Step-up funnel per procedure" });
    await expect(funnel.getByRole("rowheader", { name: "transfers.create" })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Step-up funnel per procedure" }).locator(".recharts-bar-rectangle").first(),
    ).toBeVisible();
    await expectLooksLike(page, "admin-audit", { fullPage: true });
  });

  test("the admin devices page", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/devices");
    await settle(page);
    await expectLooksLike(page, "admin-devices", { fullPage: true });
  });
});
