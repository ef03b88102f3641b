import { expect, test } from "@playwright/test";
import { accessibilityViolations, PASSWORD, saveScreenshot, signIn, stepUpDialog } from "./support";

test("a wrong password is refused without saying whether the email exists", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("dana@example.com");
  await page.getByLabel("Password").fill("not-her-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password");
  await saveScreenshot(page, "sign-in-refused");
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.goto("/billing");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("changing the plan asks Dana for her password, then the same change goes through", async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId("current-plan")).toHaveText("Starter");
  await saveScreenshot(page, "billing");
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByRole("radio", { name: /Team/ }).check();
  await page.getByRole("button", { name: "Change plan" }).click();
  const dialog = stepUpDialog(page);
  await expect(dialog).toContainText("Changing your plan");
  await expect(page.getByTestId("current-plan")).toHaveText("Starter");
  await saveScreenshot(page, "step-up-dialog");
  expect(await accessibilityViolations(page)).toEqual([]);

  await dialog.getByLabel("Password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Verify" }).click();
  await expect(dialog).toBeHidden();
  // The refused call is re-sent by the step-up link; the page only sees it succeed.
  await expect(page.getByRole("main").getByRole("status")).toHaveText("You are now on the Team plan.");
  await expect(page.getByTestId("current-plan")).toHaveText("Team");
  await saveScreenshot(page, "billing-changed");
  await page.reload();
  await expect(page.getByTestId("current-plan")).toHaveText("Team");
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/billing");
  await expect(page).toHaveURL(/\/sign-in$/);
});
