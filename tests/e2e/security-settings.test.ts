import {
  chooseMethod,
  expect,
  PASSWORD,
  saveScreenshot,
  scanAccessibility,
  signIn,
  stepUpDialog,
  test,
  totpFor,
  verifyWithPassword,
} from "./support/fixtures";
import type { Page } from "@playwright/test";
import { confirmAdminStepUp } from "./support/admin";

async function sendTransfer(page: Page, to: string, amount: number) {
  await page.goto("/transfers");
  await page.getByLabel("Recipient").fill(to);
  await page.getByLabel("Amount").fill(String(amount));
  await page.getByRole("button", { name: "Send transfer" }).click();
}

test.describe("security settings", () => {
  test("Bob sets up an authenticator app from the typed key, proves it with a first code, and then uses it", async ({
    page,
  }) => {
    await signIn(page, "bob");
    await page.goto("/settings/security");
    const totp = page.getByRole("region", { name: "Authenticator app" });
    await expect(totp).toContainText("Off");
    await totp.getByRole("button", { name: "Set up authenticator app" }).click();
    // Bob has only a password, which never clears high: adding his first factor asks for what he has (ADR 011).
    await expect(stepUpDialog(page)).toContainText("You are approving Setting up an authenticator app");
    await verifyWithPassword(page);

    await expect(totp.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    const secret = (await totp.getByLabel("Setup key").inputValue()).replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect(totp.getByLabel("First 6-digit code from the app")).toHaveAttribute("autocomplete", "one-time-code");
    await saveScreenshot(page, "security-totp-setup", { fullPage: true });
    expect(await scanAccessibility(page, "main")).toEqual([]);

    // A wrong first code saves nothing.
    await totp.getByLabel("First 6-digit code from the app").fill("000000");
    await totp.getByRole("button", { name: "Turn on" }).click();
    await expect(totp.getByRole("alert")).toContainText("does not match");
    await totp.getByLabel("First 6-digit code from the app").fill(await totpFor(secret));
    await totp.getByRole("button", { name: "Turn on" }).click();
    await expect(totp.getByRole("status")).toHaveText("Authenticator app is on.");
    await expect(totp).toContainText("On since");

    // The new factor works: a high transfer now offers password + authenticator code.
    await sendTransfer(page, "Landlord", 1_500);
    const dialog = stepUpDialog(page);
    await chooseMethod(page, /Password \+ authenticator code/);
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Continue" }).click();
    await dialog.getByLabel("6-digit code from your authenticator app").fill(await totpFor(secret));
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status")).toHaveText("Sent 1,500.00 USD to Landlord.");
  });

  test("Removing the authenticator app asks Bob to verify first, and cancelling keeps it", async ({ page }) => {
    await signIn(page, "bob");
    await page.goto("/settings/security");
    const totp = page.getByRole("region", { name: "Authenticator app" });
    await expect(totp).toContainText("On since");
    await totp.getByRole("button", { name: "Remove authenticator app" }).click();
    const dialog = stepUpDialog(page);
    await expect(dialog).toContainText("You are approving Removing your authenticator app");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(totp.getByRole("alert")).toHaveText("Verification cancelled. Nothing was changed.");
    await page.reload();
    await expect(totp).toContainText("On since");
  });

  test("Ada generates backup codes, sees them once with copy and download, and each code works only once", async ({
    page,
  }) => {
    await signIn(page, "admin");
    await page.goto("/settings/security");
    const section = page.getByRole("region", { name: "Backup codes" });
    await expect(section).toContainText("No backup codes yet");
    await section.getByRole("button", { name: "Generate backup codes" }).click();
    await confirmAdminStepUp(page);

    const list = section.getByRole("list", { name: "Your new backup codes" });
    await expect(list.getByRole("listitem")).toHaveCount(10);
    const codes = await list.getByRole("listitem").allTextContents();
    await expect(section).toContainText("10 of 10 unused");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("link", { name: "Download .txt" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("backup-codes.txt");
    const file = await download
      .createReadStream()
      .then((s) => s.toArray())
      .then((chunks) => Buffer.concat(chunks).toString("utf8"));
    for (const code of codes) expect(file).toContain(code);
    await saveScreenshot(page, "security-backup-codes", { fullPage: true });
    expect(await scanAccessibility(page, "main")).toEqual([]);
    await section.getByRole("button", { name: "I saved them" }).click();
    await expect(list).toBeHidden();
    await page.reload();
    await expect(section.getByRole("list", { name: "Your new backup codes" })).toHaveCount(0);

    // First use: accepted.
    const code = codes[0]!;
    await sendTransfer(page, "Florist", 12);
    const dialog = stepUpDialog(page);
    await chooseMethod(page, "Backup code");
    await dialog.getByLabel("One of your backup codes").fill(code);
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status")).toHaveText("Sent 12.00 USD to Florist.");

    // A new session has no grant; the same code is refused the second time.
    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page, "admin");
    await sendTransfer(page, "Florist", 12);
    await chooseMethod(page, "Backup code");
    await dialog.getByLabel("One of your backup codes").fill(code);
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(
      "That backup code didn’t match. 4 attempts left. Check it and try again.",
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.goto("/settings/security");
    await expect(section).toContainText("9 of 10 unused");
  });
});
