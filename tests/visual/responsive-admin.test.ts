import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../e2e/support/fixtures";
import { settle } from "../e2e/support/admin";
import { AUDIT_FIXTURE_QUERY, seedAuditWeek } from "../e2e/support/audit-fixture";
import { databaseFile } from "../support/playwright-shared";

/**
 * Every admin page at desktop and phone size, and the two busiest in German and Arabic (right to left).
 * The audit log shows the fixed past week of support/audit-fixture.ts (long names, 13 event types), so
 * its figures do not depend on what ran before. Runs after pages.test.ts (file order): its sign-ins
 * would otherwise change that file's audit baseline. Only dates and times are masked.
 */
const VIEWPORTS = {
  desktop: { width: 1280, height: 860 },
  phone: { width: 390, height: 844 },
} as const;

const PAGES = [
  ["policies", "/admin/policies"],
  ["policy-new", "/admin/policies/new"],
  ["simulator", "/admin/simulator"],
  ["procedures", "/admin/procedures"],
  ["devices", "/admin/devices"],
  ["audit", `/admin/audit?${AUDIT_FIXTURE_QUERY}`],
  ["support", "/admin/support"],
  ["webhooks", "/admin/webhooks"],
] as const;

test.beforeAll(() => seedAuditWeek(databaseFile("test-results/visual-db")));

async function setLocale(page: Page, locale: "en" | "de" | "ar") {
  const url = new URL(page.url()).origin;
  await page.context().addCookies([{ name: "locale", value: locale, url }]);
}

async function expectAdminPage(page: Page, name: string, path: string) {
  await page.goto(path);
  await settle(page);
  await expect(page).toHaveScreenshot(`admin-${name}.png`, {
    fullPage: true,
    // Visible ones only: a closed <details>' times would mask whatever lies where they would be.
    mask: [page.locator("time:visible"), page.locator("p:has(> time):visible")],
  });
}

test.describe("admin pages at every size and in every shipped language", () => {
  // One sign-in per test: the suite's time budget is tight.
  test("every admin page in English on a desktop and on a phone", async ({ page }) => {
    await signIn(page, "admin");
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      for (const [name, path] of PAGES) await expectAdminPage(page, `${name}-en-${size}`, path);
    }
  });

  test("the audit log and the policies in German and in Arabic, right to left", async ({ page }) => {
    await signIn(page, "admin");
    for (const locale of ["de", "ar"] as const) {
      await setLocale(page, locale);
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await expectAdminPage(page, `audit-${locale}-${size}`, `/admin/audit?${AUDIT_FIXTURE_QUERY}`);
        await expectAdminPage(page, `policies-${locale}-${size}`, "/admin/policies");
      }
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    }
  });
});
