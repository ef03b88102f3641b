import type { Page } from "@playwright/test";
import { expect, PASSWORD, scanAccessibility, signIn, stepUpDialog, test } from "./support/fixtures";
import { confirmAdminStepUp, openAs, saveFullScreenshot, settle } from "./support/admin";

async function sendTransfer(page: Page, to: string, amount: string): Promise<void> {
  await page.goto("/transfers");
  await page.getByLabel("Recipient").fill(to);
  await page.getByLabel("Amount").fill(amount);
  await page.getByRole("button", { name: "Send transfer" }).click();
}

/** A new session has no grants, so only a remembered device can skip the dialog. */
async function signInAgain(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await signIn(page, "alice");
}

test.describe("admin devices", () => {
  test("Ada revokes the device Alice trusted, and Alice is asked to verify again", async ({ page, browser }) => {
    const alice = await openAs(browser, "alice");
    await sendTransfer(alice, "Florist", "10");
    const dialog = stepUpDialog(alice);
    await dialog.getByRole("button", { name: /^Password$/ }).click();
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByLabel("Trust this device for 24 hours").check();
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(alice.getByRole("status")).toHaveText("Sent 10.00 USD to Florist.");

    await signInAgain(alice);
    await sendTransfer(alice, "Florist", "11");
    await expect(alice.getByRole("status")).toHaveText("Sent 11.00 USD to Florist.");
    await expect(dialog).toBeHidden();

    await signIn(page, "admin");
    await page.goto("/admin/devices");
    await page.getByLabel("Filter by user").selectOption({ label: "Alice Anders (alice@example.com)" });
    const devices = page.getByRole("region", { name: "Remembered devices" });
    const row = devices.getByRole("row", { name: /alice@example\.com/ });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Medium");
    await settle(page);
    await saveFullScreenshot(page, "admin-devices");
    expect(await scanAccessibility(page)).toEqual([]);
    await row.getByRole("button", { name: /^Revoke/ }).click();
    await expect(stepUpDialog(page)).toContainText("Revoking a member's remembered device");
    await confirmAdminStepUp(page);
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Device revoked.");
    await expect(row).toContainText("Revoked");

    await signInAgain(alice);
    await sendTransfer(alice, "Florist", "12");
    await expect(dialog).toContainText("Send 12.00 USD to Florist");

    // Support staff see the requirement Alice has open, her grant and her verification.
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Support" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Support" })).toBeVisible();
    await page.getByLabel("Member", { exact: true }).selectOption({ label: "Alice Anders (alice@example.com)" });
    await expect(page.getByRole("region", { name: "Pending requirements" })).toContainText("Transferring 12.00 USD");
    await expect(page.getByRole("region", { name: "Recent verifications" })).toContainText("Succeeded");

    await dialog.getByRole("button", { name: /^Password$/ }).click();
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(alice.getByRole("status")).toHaveText("Sent 12.00 USD to Florist.");
    await page.reload();
    await page.getByLabel("Member", { exact: true }).selectOption({ label: "Alice Anders (alice@example.com)" });
    await expect(
      page.getByRole("region", { name: "Recent grants" }).getByRole("row", { name: /Medium.*active/ }),
    ).toHaveCount(1);
    await expect(page.getByRole("region", { name: "Pending requirements" })).toContainText(
      "Nothing waiting for verification.",
    );
    await settle(page);
    await saveFullScreenshot(page, "admin-support");
    expect(await scanAccessibility(page)).toEqual([]);
    await alice.context().close();
  });
});
