import { expect, scanAccessibility, signIn, stepUpDialog, test, verifyWithPassword } from "./support/fixtures";
import { openAs, saveFullScreenshot, settle } from "./support/admin";

test.describe("admin step-up funnel", () => {
  test("Ada sees, per procedure, how many step-ups were required, tried, verified and cancelled", async ({
    page,
    browser,
  }) => {
    // Bob walks away from one transfer, then verifies another (a fresh session: no grant yet).
    const bob = await openAs(browser, "bob");
    await bob.goto("/transfers");
    for (const recipient of ["Funnel cancelled", "Funnel verified"]) {
      await bob.getByLabel("Recipient").fill(recipient);
      await bob.getByLabel("Amount").fill("9");
      await bob.getByRole("button", { name: "Send transfer" }).click();
      await expect(stepUpDialog(bob)).toBeVisible();
      if (recipient === "Funnel verified") {
        await verifyWithPassword(bob);
        await expect(bob.getByRole("status")).toHaveText("Sent 9.00 USD to Funnel verified.");
      } else {
        await bob.keyboard.press("Escape");
        await expect(stepUpDialog(bob)).toBeHidden();
      }
    }
    await bob.context().close();

    await signIn(page, "admin");
    await page.goto("/admin/audit");
    const funnel = page.getByRole("region", { name: "Step-up funnel per procedure" });
    const table = funnel.getByRole("table", { name: "Step-up funnel per procedure" });
    for (const name of [
      "Required",
      "Initiated",
      "Verified",
      "Failed",
      "Cancelled",
      "Abandoned",
      "Verified in ≤ 10 sec",
    ])
      await expect(table.getByRole("columnheader", { name, exact: true })).toBeVisible();
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "transfers.create" }) });
    const cell = async (name: string) => {
      const headers = await table.getByRole("columnheader").allTextContents();
      return Number(
        await row
          .getByRole("cell")
          .nth(headers.indexOf(name) - 1)
          .textContent(),
      );
    };
    // Earlier journeys in the same run add their own: at least ours.
    expect(await cell("Required")).toBeGreaterThanOrEqual(2);
    expect(await cell("Verified")).toBeGreaterThanOrEqual(1);
    expect(await cell("Cancelled")).toBeGreaterThanOrEqual(1);
    expect(await cell("Required")).toBeGreaterThanOrEqual(await cell("Initiated"));
    await expect(funnel.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await funnel.scrollIntoViewIfNeeded();
    await settle(page);
    await saveFullScreenshot(page, "admin-audit-funnel");
    expect(await scanAccessibility(page)).toEqual([]);
  });
});
