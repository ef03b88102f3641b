import {
  chooseMethod,
  expect,
  expireNewestPendingRequirement,
  PASSWORD,
  stepUpDialog,
  saveScreenshot,
  test,
} from "./support/fixtures";

test.describe("an expired verification", () => {
  test("Ada's verification expires while the dialog is open; she starts again and the transfer still goes through once", async ({
    page,
    signIn,
  }) => {
    await signIn("admin");
    await page.goto("/transfers");
    await page.getByLabel("Recipient").fill("Ezra");
    await page.getByLabel("Amount").fill("20");
    await page.getByRole("button", { name: "Send transfer" }).click();

    const dialog = stepUpDialog(page);
    await chooseMethod(page, "Password");
    await expect(dialog.getByLabel("Password")).toBeFocused();
    expect(expireNewestPendingRequirement()).toBe(1);

    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("This verification expired. Start again to get a new one.");
    await expect(dialog.getByLabel("Password")).toBeDisabled();
    await saveScreenshot(page, "dialog-expired");

    // The fresh verification opens on the method Ada had chosen, not on the picker again.
    await dialog.getByRole("button", { name: "Start again" }).click();
    await expect(dialog.getByLabel("Password")).toBeEnabled();
    await expect(dialog.getByRole("group", { name: "Choose how to verify" })).toHaveCount(0);
    await expect(dialog.getByRole("alert")).toHaveCount(0);
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Verify" }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status")).toHaveText("Sent 20.00 USD to Ezra.");
    await expect(page.getByRole("cell", { name: "Ezra" })).toHaveCount(1);
  });
});
