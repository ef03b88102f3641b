import {
  chooseMethod,
  expect,
  pageAlert,
  PASSWORD,
  readBalance,
  saveScreenshot,
  signIn,
  stepUpDialog,
  test,
} from "./support/fixtures";

test.describe("medium assurance", () => {
  test("Bob sends a small transfer, confirms with his password, and it completes without clicking again", async ({
    page,
    signIn,
  }) => {
    await signIn("bob");
    const before = await readBalance(page);
    await page.getByRole("link", { name: "Transfers" }).click();
    await page.getByLabel("Recipient").fill("Carol");
    await page.getByLabel("Amount").fill("50");
    await page.getByRole("button", { name: "Send transfer" }).click();

    const dialog = stepUpDialog(page);
    await expect(dialog).toBeVisible();
    // The quick check names the transfer and its recipient, as the critical one does (ADR 045).
    await expect(dialog.locator("#step-up-summary")).toHaveText("You are approving Send 50.00 USD to Carol");
    await expect(dialog).not.toContainText("assurance");
    await chooseMethod(page, "Password");
    await expect(dialog.getByLabel("Password")).toBeFocused();
    await saveScreenshot(page, "dialog-medium-password");

    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Verify" }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status")).toHaveText("Sent 50.00 USD to Carol.");
    await expect(page.getByRole("cell", { name: "Carol" })).toBeVisible();
    await page.getByRole("link", { name: "Dashboard" }).click();
    await expect.poll(() => readBalance(page)).toBeCloseTo(before - 50, 2);
  });

  test("Bob cancels the verification and his email stays the same", async ({ page, signIn }) => {
    await signIn("bob");
    await page.goto("/settings/account");
    await page.getByLabel("New email").fill("bob.new@example.com");
    await page.getByRole("button", { name: "Change email" }).click();

    const dialog = stepUpDialog(page);
    await expect(dialog).toContainText("Change your email to bob.new@example.com");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await expect(dialog).toBeHidden();
    await expect(pageAlert(page)).toHaveText("Verification cancelled. Nothing was changed.");
    await saveScreenshot(page, "page-after-cancel");
    await page.reload();
    await expect(page.getByTestId("current-email")).toHaveText("bob@example.com");
    await page.goto("/settings/activity");
    await expect(page.getByRole("region", { name: "Pending verifications" })).not.toContainText("Changing your email");
  });

  test("Admin trusts this device, and after signing in again the next transfer needs no dialog", async ({
    page,
    context,
  }) => {
    await signIn(page, "admin");
    await page.goto("/transfers");
    await page.getByLabel("Recipient").fill("Dora");
    await page.getByLabel("Amount").fill("10");
    await page.getByRole("button", { name: "Send transfer" }).click();
    const dialog = stepUpDialog(page);
    await chooseMethod(page, "Password");
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByLabel("Trust this device for 24 hours").check();
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("status")).toHaveText("Sent 10.00 USD to Dora.");
    expect((await context.cookies()).some((c) => c.name === "stepup_device" && c.httpOnly)).toBe(true);

    // A new session has no grants: only the remembered device can skip the dialog now.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await signIn(page, "admin");
    await page.goto("/transfers");
    await page.getByLabel("Recipient").fill("Eve");
    await page.getByLabel("Amount").fill("12");
    await page.getByRole("button", { name: "Send transfer" }).click();
    await expect(page.getByRole("status")).toHaveText("Sent 12.00 USD to Eve.");
    await expect(dialog).toBeHidden();

    await page.goto("/settings/activity");
    const devices = page.getByRole("region", { name: "Remembered devices" });
    await expect(devices.getByRole("listitem")).toHaveCount(1);
    await devices.getByRole("button", { name: /^Forget/ }).click();
    await expect(devices).toContainText("No remembered devices.");
  });
});
