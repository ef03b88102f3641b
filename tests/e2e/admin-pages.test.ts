import { expect, scanAccessibility, signIn, test } from "./support/fixtures";
import { confirmAdminStepUp, saveFullScreenshot, settle } from "./support/admin";

const ADMIN_PAGES = [
  { path: "/admin/policies", heading: "Policies" },
  { path: "/admin/policies/new", heading: "New policy" },
  { path: "/admin/simulator", heading: "Policy simulator" },
  { path: "/admin/procedures", heading: "Procedures" },
  { path: "/admin/devices", heading: "Devices and passkeys" },
  { path: "/admin/audit", heading: "Audit log" },
  { path: "/admin/support", heading: "Support" },
  { path: "/admin/webhooks", heading: "Security events" },
] as const;

test.describe("admin pages", () => {
  test("Every admin page passes an axe-core scan", async ({ page }) => {
    await signIn(page, "admin");
    for (const { path, heading } of ADMIN_PAGES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await settle(page);
      expect(await scanAccessibility(page), path).toEqual([]);
    }
  });

  test("Bob, a member, is sent home from every admin page and sees no Admin link", async ({ page }) => {
    await signIn(page, "bob");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
    for (const { path } of ADMIN_PAGES) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/\?notice=admin-only$/);
      await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
      await expect(page.getByRole("main").getByRole("status")).toHaveText(
        "The admin pages are for your organization’s admins. Ask one of them if you need a change there.",
      );
    }
  });

  test("The simulator answers for a typed call context as Ada types", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/simulator");
    const verdict = page.getByTestId("sim-verdict");
    await page.getByLabel("User").selectOption({ label: "Alice Anders (alice@example.com)" });
    await page.getByLabel("Procedure").selectOption("transfers.create");
    await page.getByLabel("Amount").fill("5000");
    await expect(verdict).toHaveText("Step-up required: High");
    const result = page.getByRole("region", { name: "Result" });
    await expect(result).toContainText("Payment amounts");
    await expect(result.getByRole("listitem").filter({ hasText: /^Password \+ authenticator code$/ })).toBeVisible();

    await page.getByLabel("Amount").fill("20000");
    await expect(verdict).toHaveText("Step-up required: Critical");

    // A verification two minutes ago still covers high, not critical: go back to 5,000.
    await page.getByLabel("Amount").fill("5000");
    await page.getByLabel("Minutes since last verification").fill("2");
    await expect(verdict).toHaveText(/No step-up needed/);
    await page.getByLabel("Minutes since last verification").fill("30");
    await expect(verdict).toHaveText("Step-up required: High");
    await settle(page);
    await saveFullScreenshot(page, "admin-simulator");
    expect(await scanAccessibility(page)).toEqual([]);
  });

  test("A policy on a procedure that step-up does not wrap shows it as sensitive but unprotected", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/procedures");
    await expect(page.getByRole("row", { name: /^transfers\.create / })).toContainText("mutation");
    // Step-up outside tRPC is listed too, under its own names (ADR 020).
    await expect(page.getByRole("row", { name: /^action:transfers\.create/ })).toContainText("mutation");
    await expect(
      page
        .getByRole("row", { name: /apiKeys\.create/ })
        .getByRole("cell")
        .nth(2),
    ).toHaveText("High");
    await expect(page.getByRole("row", { name: /admin\.policies\.create/ })).toBeVisible();
    const revoke = page.getByRole("row", { name: /apiKeys\.revoke/ });
    await expect(revoke).toContainText("Sign-in only");

    // A rule can name apiKeys.revoke, but only stepUpProcedure enforces rules: the page says so.
    await page.goto("/admin/policies/new");
    await page.getByLabel("Name").fill("Revoking keys");
    await page.getByRole("button", { name: "Add procedure rule" }).click();
    await page.getByRole("group", { name: "Procedure rule 1" }).getByLabel("Pattern").fill("apiKeys.revoke");
    await page.getByRole("button", { name: "Create policy" }).click();
    await confirmAdminStepUp(page);
    await expect(page.getByRole("row", { name: /Revoking keys/ })).toBeVisible();
    await page.goto("/admin/procedures");
    await expect(revoke).toContainText("Sensitive, not protected");
    await expect(page.getByText("1 sensitive procedure is not protected by step-up.")).toBeVisible();
    await settle(page);
    await saveFullScreenshot(page, "admin-procedures");
    expect(await scanAccessibility(page)).toEqual([]);

    await page.goto("/admin/policies");
    const policy = page.getByRole("row", { name: /Revoking keys/ });
    await policy.getByRole("button", { name: "Delete Revoking keys" }).click();
    await policy.getByRole("button", { name: "Confirm delete" }).click();
    await expect(policy).toHaveCount(0);
  });
});
