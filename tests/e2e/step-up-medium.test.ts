import { expect, saveScreenshot, stepUpDialog, test, PASSWORD } from "./support/fixtures";

test.describe("medium assurance", () => {
  test("Bob sends a small transfer, confirms with his password, and it completes without clicking again", async ({ page, signIn }) => {
    await signIn("bob");
    await expect(page.getByTestId("balance")).toHaveText("2,500.00 USD");
    await page.getByRole("link", { name: "Transfers" }).click();
    await page.getByLabel("Recipient").fill("Carol");
    await page.getByLabel("Amount").fill("50");
    await page.getByRole("button", { name: "Send transfer" }).click();

    const dialog = stepUpDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Transferring 50.00 USD requires medium assurance");
    await expect(dialog.getByLabel("Password")).toBeFocused();
    await saveScreenshot(page, "dialog-medium-password");

    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Verify" }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status")).toHaveText("Sent 50.00 USD to Carol.");
    await expect(page.getByRole("cell", { name: "Carol" })).toBeVisible();
    await page.getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByTestId("balance")).toHaveText("2,450.00 USD");
  });
});
