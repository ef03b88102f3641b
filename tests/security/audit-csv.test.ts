import { expect, test } from "@playwright/test";
import { signedIn } from "./support/step-up";

/**
 * CSV injection (ASVS 1.2.10): a user-controlled field that a spreadsheet would run as a formula is
 * escaped in the audit export. The account's email, valid for the app's own email check, starts with "-".
 */
test("R-46 a formula in a user-controlled field (email '-1+1+…') is escaped in the audit CSV", async () => {
  const user = await signedIn("csvInjection");
  expect(user.email.startsWith("-1+1")).toBe(true);
  const admin = await signedIn("acmeAdmin");
  const csv = await admin.client.raw("GET", `/api/admin/audit.csv?userId=${user.userId}`);
  expect(csv.status).toBe(200);
  const rows = csv.text.split("\r\n").filter((line) => line.includes(user.userId));
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row).toContain(`'${user.email}`);
    expect(row).not.toMatch(/(^|,)"?-1\+1/);
  }
});
