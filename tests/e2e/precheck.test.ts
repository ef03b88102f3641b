import { expect, pageAlert, readBalance, saveScreenshot, stepUpDialog, test } from "./support/fixtures";

test.describe("checks before step-up", () => {
  test("Gina sends more than her balance: she is told at once, and no verification is asked for", async ({
    page,
    signIn,
  }) => {
    await signIn("gina");
    const before = await readBalance(page);
    await page.getByRole("link", { name: "Transfers" }).click();
    await page.getByLabel("Recipient").fill("Dave");
    await page.getByLabel("Amount").fill("5000");
    await page.getByRole("button", { name: "Send transfer" }).click();

    await expect(pageAlert(page)).toContainText("Insufficient balance");
    await expect(stepUpDialog(page)).toBeHidden();
    await saveScreenshot(page, "transfer-insufficient-balance");
    await page.getByRole("link", { name: "Dashboard" }).click();
    expect(await readBalance(page)).toBe(before);
  });
});
