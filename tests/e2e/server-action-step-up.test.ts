import { chooseMethod, expect, PASSWORD, stepUpDialog, test } from "./support/fixtures";

test.describe("step-up for a Server Action", () => {
  test("Bob sends a quick transfer through a Server Action, confirms with his password, and it completes", async ({
    page,
    signIn,
  }) => {
    await signIn("bob");
    await page.goto("/transfers/quick");
    await page.getByLabel("Recipient").fill("Erin");
    await page.getByLabel("Amount (USD)").fill("40");
    await page.getByRole("button", { name: "Send transfer" }).click();

    const dialog = stepUpDialog(page);
    await expect(dialog).toContainText("Send 40.00 USD to Erin");
    await chooseMethod(page, "Password");
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Verify" }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status")).toHaveText("Sent 40.00 USD to Erin.");
    await page.goto("/transfers");
    await expect(page.getByRole("cell", { name: "Erin" }).first()).toBeVisible();
  });
});
