import { expect, freshTotp, PASSWORD, stepUpDialog, test } from "./support/fixtures";

test.describe("the demo on a phone, in another language, and off the map", () => {
  test("On a phone the navigation sits behind a Menu button that Escape closes", async ({ page, signIn }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn("bob");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Transfers" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    // Following a link closes it too.
    await menu.click();
    await nav.getByRole("link", { name: "Transfers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Transfers" })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("Bob switches to Arabic: the page turns right to left and the security settings speak Arabic", async ({
    page,
    signIn,
  }) => {
    await signIn("bob");
    await page.getByLabel("Language").selectOption("ar");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await page.goto("/settings/security");
    await expect(page.getByRole("heading", { level: 1, name: "الأمان" })).toBeVisible();
    await page.getByLabel("Language").selectOption("en");
    await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  });

  test("An unknown address shows the bank's own page with the way back", async ({ page, signIn }) => {
    await signIn("bob");
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "We can’t find that page" })).toBeVisible();
    await page.getByRole("link", { name: "Go to your dashboard" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
  });

  test("Alice copies the API key shown once with its Copy button", async ({ page, signIn, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn("alice");
    await page.goto("/api-keys");
    await page.getByLabel("Key name").fill("Copied key");
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = stepUpDialog(page);
    await dialog.getByRole("button", { name: /Password \+ authenticator code/ }).click();
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Continue" }).click();
    await dialog.getByLabel("6-digit code from your authenticator app").fill(await freshTotp());
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(dialog).toBeHidden();
    const key = (await page.getByTestId("new-api-key").textContent()) ?? "";
    await page.getByRole("button", { name: "Copy key" }).click();
    await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  });
});
