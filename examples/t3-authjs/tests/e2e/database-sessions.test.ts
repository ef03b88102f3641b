import { expect, test } from "@playwright/test";
import { SEED_USERS } from "../../prisma/seed-data";
import { databaseFile, outboxFile } from "../../playwright.config";
import {
  expectLaidOutUnderTailwind,
  latestMail,
  liveGrants,
  signInByEmailLink,
  signOut,
  stepUpDialog,
} from "./support";

const OUTBOX = outboxFile("database");

test("Nora, who signs in by email link, is asked for an email code (never a password) and her plan change goes through", async ({
  page,
}) => {
  const email = SEED_USERS.nora.email;
  await signInByEmailLink(page, OUTBOX, email);
  await expect(page.getByTestId("current-plan")).toHaveText("free");

  await page.getByLabel("New plan").selectOption("team");
  await page.getByRole("button", { name: "Change plan" }).click();
  const dialog = stepUpDialog(page);
  await expect(dialog).toContainText("Changing your plan");
  // Auth.js knows no password for her: the module must not offer one she could never complete.
  await expect(dialog.getByLabel("Password")).toHaveCount(0);
  await expectLaidOutUnderTailwind(page, dialog);
  await page.screenshot({ path: "test-results/screenshots/database-dialog.png" });

  // Email is her only method: choosing it (here, the only choice) sends the code at once.
  await expect(dialog.getByRole("status")).toContainText("We sent a code to");
  const { text } = await latestMail(OUTBOX, email, /code/i);
  const code = /\b(\d{6})\b/.exec(text)?.[1] ?? "";
  await dialog.getByLabel("Code from the email we sent you").fill(code);
  await dialog.getByRole("button", { name: "Verify" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Plan changed to team.");
  await expect(page.getByTestId("current-plan")).toHaveText("team");

  // The module's security page, under Tailwind's base styles too.
  await page.goto("/settings/security");
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Authenticator app" })).toBeVisible();
  // Tailwind's preflight sets headings to `font-weight: inherit`: the module's stylesheet must weigh its own.
  for (const heading of [page.getByRole("heading", { level: 1 }), page.getByRole("heading", { name: "Passkeys" })])
    expect(Number(await heading.evaluate((element) => getComputedStyle(element).fontWeight))).toBeGreaterThanOrEqual(
      600,
    );
  await page.screenshot({ path: "test-results/screenshots/database-security.png", fullPage: true });

  // Signing out ends the session's step-up grant at once (Auth.js `events.signOut`, no wait for expiry).
  expect(liveGrants(databaseFile("database"))).toBe(1);
  await signOut(page);
  expect(liveGrants(databaseFile("database"))).toBe(0);
});
