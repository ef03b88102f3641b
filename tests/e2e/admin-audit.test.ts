import { readFile } from "node:fs/promises";
import {
  chooseMethod,
  expect,
  PASSWORD,
  scanAccessibility,
  signIn,
  stepUpDialog,
  test,
  verifyWithPassword,
} from "./support/fixtures";
import { openAs, saveFullScreenshot, settle } from "./support/admin";

const EXTRA_SIGN_INS = 55;

test.describe("admin audit log", () => {
  test("Ada filters the audit log, loads more, and exports the same rows as CSV", async ({ page, request }) => {
    // More than one page (50) of Bob's sign-ins, through the real endpoint.
    for (let i = 0; i < EXTRA_SIGN_INS; i++) {
      const response = await request.post("/api/trpc/auth.signIn?batch=1", {
        data: { 0: { json: { email: "bob@example.com", password: PASSWORD } } },
      });
      expect(response.ok()).toBe(true);
    }
    await signIn(page, "admin");
    await page.goto("/admin/audit");
    const metrics = page.getByRole("region", { name: "Metrics for this period" });
    await expect(metrics.getByText("Step-ups per 100 protected calls")).toBeVisible();
    await expect(metrics.getByText("Lockouts")).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Events per day" }).locator(".recharts-bar-rectangle").first(),
    ).toBeVisible();
    await settle(page);
    await saveFullScreenshot(page, "admin-audit");

    await page.getByLabel("User").selectOption({ label: "Bob Brown (bob@example.com)" });
    await page.getByLabel("Event type").selectOption("auth.signed_in");
    const events = page.getByRole("region", { name: "Events", exact: true });
    await expect(events.getByRole("status")).toHaveText("Showing 50 events.");
    await events.getByRole("button", { name: "Load more" }).click();
    // Earlier journeys in the same run may have signed Bob in too: at least ours, all of one type.
    await expect(events.getByRole("status")).toHaveText(/^Showing \d+ events, all loaded\.$/);
    await expect(events.getByRole("button", { name: "Load more" })).toHaveCount(0);
    const shown = Number((await events.getByRole("status").textContent())?.match(/\d+/)?.[0]);
    expect(shown).toBeGreaterThanOrEqual(EXTRA_SIGN_INS);
    // Each event reads as a name with its code beside it.
    const eventCells = events.getByRole("row").locator("td:nth-child(2) code");
    await expect(eventCells).toHaveCount(shown);
    await expect(events.getByRole("row").nth(1)).toContainText("Signed in");
    for (const text of await eventCells.allTextContents()) expect(text).toBe("auth.signed_in");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? "", "utf8");
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    expect(header).toBe("createdAt,type,severity,userEmail,userId,actorId,ip,data");
    expect(rows).toHaveLength(shown);
    for (const row of rows) expect(row).toMatch(/^[^,]+,auth\.signed_in,info,bob@example\.com,/);

    await page.getByLabel("Severity").selectOption("critical");
    await expect(events).toContainText("No events match these filters.");
  });

  test("Each step-up event reads at a glance: procedure, level and outcome, the JSON one click away", async ({
    page,
    browser,
  }) => {
    const bob = await openAs(browser, "bob");
    await bob.goto("/transfers");
    await bob.getByLabel("Recipient").fill("Audit");
    await bob.getByLabel("Amount").fill("7");
    await bob.getByRole("button", { name: "Send transfer" }).click();
    await chooseMethod(bob, "Password");
    await stepUpDialog(bob).getByLabel("Password").fill("wrong-password");
    await stepUpDialog(bob).getByRole("button", { name: "Verify" }).click();
    await expect(stepUpDialog(bob).getByRole("alert")).toContainText("didn’t match");
    await verifyWithPassword(bob);
    await bob.context().close();

    await signIn(page, "admin");
    await page.goto("/admin/audit");
    await page.getByLabel("User").selectOption({ label: "Bob Brown (bob@example.com)" });
    await page.getByLabel("Event type").selectOption("stepup.failed");
    const events = page.getByRole("region", { name: "Events", exact: true });
    for (const name of ["Procedure", "Level", "Outcome", "Details"])
      await expect(events.getByRole("columnheader", { name })).toBeVisible();
    // The failure names only its requirement; the row reads what the requirement was for.
    const row = events.getByRole("row").filter({ hasText: "Failed (Password)" }).first();
    await expect(row.getByRole("cell", { name: "transfers.create" })).toBeVisible();
    await expect(row.getByRole("cell", { name: "Medium", exact: true })).toBeVisible();
    const json = row.getByText('"requirementId"');
    await expect(json).toBeHidden();
    await row.getByText("JSON", { exact: true }).click();
    await expect(json).toBeVisible();
  });

  test("The chart's numbers are available as a table", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/audit");
    const chart = page.getByRole("region", { name: "Events per day" });
    await chart.getByText("Show the numbers").click();
    // Days in the page's locale (English by default), as every date on the page.
    const today = new Intl.DateTimeFormat("en", { dateStyle: "medium" }).format(new Date());
    await expect(chart.getByRole("row", { name: new RegExp(today) })).toBeVisible();
    await expect(chart.getByRole("columnheader", { name: "auth.signed_in" })).toBeVisible();
    expect(await scanAccessibility(page)).toEqual([]);
  });
});
