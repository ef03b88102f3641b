import { expect, test } from "@playwright/test";
import { databaseFile } from "../../playwright.config";
import { SEED_USERS } from "../../prisma/seed-data";
import { expectLaidOutUnderTailwind, liveGrants, signOut, stepUpDialog } from "./support";

test("Pat, who signs in with a password, confirms his plan change with it", async ({ page }) => {
  await page.goto("/api/auth/signin?callbackUrl=/plan");
  // Auth.js's page has two Email fields (email link and credentials): take the credentials form's.
  const form = page.locator("form", { has: page.getByRole("button", { name: "Sign in with Credentials" }) });
  await form.getByLabel("Email").fill(SEED_USERS.pat.email);
  await form.getByLabel("Password").fill(SEED_USERS.pat.password);
  await page.getByRole("button", { name: "Sign in with Credentials" }).click();
  await expect(page.getByRole("heading", { name: "Your plan" })).toBeVisible();

  await page.getByLabel("New plan").selectOption("pro");
  await page.getByRole("button", { name: "Change plan" }).click();
  const dialog = stepUpDialog(page);
  await expect(dialog).toContainText("Changing your plan");
  await expectLaidOutUnderTailwind(page, dialog);
  await page.screenshot({ path: "test-results/screenshots/jwt-dialog.png" });
  // His password is known to the app: offered beside the email code.
  await dialog.getByRole("button", { name: "Password" }).click();
  await dialog.getByLabel("Password").fill(SEED_USERS.pat.password);
  await dialog.getByRole("button", { name: "Verify" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Plan changed to pro.");

  // Signing out ends the session's step-up grant at once (Auth.js `events.signOut`, no wait for expiry).
  expect(liveGrants(databaseFile("jwt"))).toBe(1);
  await signOut(page);
  expect(liveGrants(databaseFile("jwt"))).toBe(0);
});
