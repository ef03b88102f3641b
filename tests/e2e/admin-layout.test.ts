import type { Page } from "@playwright/test";
import { E2E_DATABASE_FILE, expect, scanAccessibility, signIn, test } from "./support/fixtures";
import { settle } from "./support/admin";
import { AUDIT_FIXTURE_QUERY, LONG_PROCEDURE, seedAuditWeek } from "./support/audit-fixture";

/** Every admin page, the audit log on the fixed week of support/audit-fixture.ts. */
const ADMIN_PAGES = [
  "/admin/policies",
  "/admin/policies/new",
  "/admin/simulator",
  "/admin/procedures",
  "/admin/devices",
  `/admin/audit?${AUDIT_FIXTURE_QUERY}`,
  "/admin/support",
  "/admin/webhooks",
] as const;

test.beforeAll(() => seedAuditWeek(E2E_DATABASE_FILE));

/** What sticks out past the screen's right edge (nothing inside a scroll box may count), for a readable failure. */
function widerThanScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const pageWidth = document.documentElement.scrollWidth;
    const elements = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !el.closest("[role=region][tabindex]"))
      .map(
        (el) => `${el.tagName.toLowerCase()}.${String(el.className)}: ${Math.round(el.getBoundingClientRect().right)}`,
      );
    return [...(pageWidth > width ? [`page: ${pageWidth}`] : []), ...elements].slice(0, 8);
  });
}

function funnelRows(page: Page) {
  return page.getByRole("table", { name: "Step-up funnel per procedure" }).getByRole("rowheader");
}

function metricDetail(page: Page, label: string) {
  return page.getByRole("region", { name: "Metrics for this period" }).locator(".metric").filter({ hasText: label });
}

test.describe("admin pages on any screen", () => {
  test("Ada narrows the audit log to Bob: metrics and funnel follow, a reload keeps it, back returns", async ({
    page,
  }) => {
    await signIn(page, "admin");
    await page.goto(`/admin/audit?${AUDIT_FIXTURE_QUERY}`);
    await settle(page);
    await expect(metricDetail(page, "Step-ups per 100")).toContainText("6 of 84 calls");
    await expect(funnelRows(page)).toHaveCount(4);
    await expect(funnelRows(page).filter({ hasText: LONG_PROCEDURE })).toHaveCount(1);

    await page.getByLabel("User").selectOption({ label: "Bob Brown (bob@example.com)" });
    await expect(page).toHaveURL(/[?&]user=[^&]+/);
    await expect(metricDetail(page, "Step-ups per 100")).toContainText("1 step-up; calls are not counted per user");
    await expect(metricDetail(page, "Lockouts")).toContainText("1");
    await expect(funnelRows(page)).toHaveText(["account.changePassword"]);

    await page.reload();
    await settle(page);
    await expect(page.getByLabel("User")).toHaveValue(/.+/);
    await expect(page.getByLabel("From")).toHaveValue("2026-01-05");
    await expect(funnelRows(page)).toHaveText(["account.changePassword"]);

    await page.goBack();
    await expect(page.getByLabel("User")).toHaveValue("");
    await expect(funnelRows(page)).toHaveCount(4);
    await expect(metricDetail(page, "Step-ups per 100")).toContainText("6 of 84 calls");
  });

  test("A keyboard reaches the funnel's scroll box and scrolls it to the Slowest column", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "admin");
    await page.goto(`/admin/audit?${AUDIT_FIXTURE_QUERY}`);
    await settle(page);
    const box = page.getByRole("region", { name: "Funnel figure table" });
    await page.getByRole("button", { name: "Show the numbers" }).or(page.getByText("Show the numbers")).focus();
    for (let i = 0; i < 10 && !(await box.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(box).toBeFocused();
    const slowest = box.getByRole("columnheader", { name: "Slowest" });
    await slowest.evaluate((el) => el.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" }));
    await box.evaluate((el) => el.scrollTo({ left: 0, behavior: "instant" }));
    await expect(slowest).not.toBeInViewport();
    // Arrow keys scroll a focused box 40 px a press, as they scroll a page.
    for (let i = 0; i < 30; i++) await page.keyboard.press("ArrowRight");
    await expect(slowest).toBeInViewport();
  });

  test("On a phone no admin page is wider than the screen, and each passes axe", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "admin");
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await settle(page);
      expect(await widerThanScreen(page), path).toEqual([]);
      expect(await scanAccessibility(page), path).toEqual([]);
    }
  });
});
