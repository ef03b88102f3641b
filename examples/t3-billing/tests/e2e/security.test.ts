import { expect, test } from "@playwright/test";
import { accessibilityViolations, PASSWORD, saveScreenshot, signIn, stepUpDialog, totpCode } from "./support";

test("Dana turns on an authenticator app from the module's security panel", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  const totp = page.getByRole("region", { name: "Authenticator app" });
  await expect(totp).toContainText("Off");
  await saveScreenshot(page, "security");
  expect(await accessibilityViolations(page)).toEqual([]);

  // Adding a factor is itself behind step-up: Dana has only her password, which the dialog asks for.
  await totp.getByRole("button", { name: "Set up authenticator app" }).click();
  const dialog = stepUpDialog(page);
  await dialog.getByLabel("Password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Verify" }).click();
  await expect(dialog).toBeHidden();

  await expect(totp.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = await totp.getByLabel("Setup key").inputValue();
  expect(secret.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{32}$/);
  await saveScreenshot(page, "security-totp-setup");
  expect(await accessibilityViolations(page)).toEqual([]);
  await totp.getByLabel("First 6-digit code from the app").fill(await totpCode(secret));
  await totp.getByRole("button", { name: "Turn on" }).click();
  await expect(totp.getByRole("status")).toHaveText("Authenticator app is on.");
  await expect(totp).toContainText("On since");
  await saveScreenshot(page, "security-totp-on");
});
