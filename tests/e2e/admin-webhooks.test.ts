import { expect, PASSWORD, scanAccessibility, signIn, stepUpDialog, test } from "./support/fixtures";
import { confirmAdminStepUp, openAs, saveFullScreenshot, settle } from "./support/admin";

test.describe("admin webhooks", () => {
  test("Ada adds an endpoint, sees its secret once, and Alice's verification shows up as a delivery", async ({
    page,
    browser,
  }) => {
    await signIn(page, "admin");
    await page.goto("/admin/webhooks");
    await expect(page.getByRole("heading", { level: 1, name: "Security events" })).toBeVisible();
    await page.getByLabel("Endpoint URL").fill("https://hooks.example.invalid/step-up");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await confirmAdminStepUp(page);
    const secret = page.getByTestId("webhook-secret");
    await expect(secret).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const endpoints = page.getByRole("region", { name: "Endpoints" });
    await expect(endpoints.getByRole("row", { name: /hooks\.example\.invalid/ })).toContainText("Enabled");

    const alice = await openAs(browser, "alice");
    await alice.goto("/transfers");
    await alice.getByLabel("Recipient").fill("Florist");
    await alice.getByLabel("Amount").fill("10");
    await alice.getByRole("button", { name: "Send transfer" }).click();
    const dialog = stepUpDialog(alice);
    await dialog.getByRole("button", { name: /^Password$/ }).click();
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(alice.getByRole("status")).toHaveText("Sent 10.00 USD to Florist.");

    await page.reload();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0); // shown once
    const deliveries = page.getByRole("region", { name: "Recent deliveries" });
    await expect(deliveries.getByRole("row", { name: /step_up\.verified/ })).toBeVisible();
    // The worker tried it (the host does not resolve): counted, kept for a retry with backoff.
    await expect(deliveries.getByRole("row", { name: /step_up\.verified/ })).toContainText("network error", {
      timeout: 15_000,
    });
    await settle(page);
    await saveFullScreenshot(page, "admin-webhooks");
    expect(await scanAccessibility(page)).toEqual([]);
  });
});
