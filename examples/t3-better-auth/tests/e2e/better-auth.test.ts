import { expect, test, type Page } from "@playwright/test";
import { SEED_USERS } from "../../prisma/seed-data";
import { databaseFile, outboxFile } from "../../playwright.config";
import { expectLaidOutUnderTailwind, latestMail, liveGrants, stepUpDialog } from "./support";

const OUTBOX = outboxFile("app");

async function changePlan(page: Page, plan: string) {
  await page.getByLabel("New plan").selectOption(plan);
  await page.getByRole("button", { name: "Change plan" }).click();
}

test("Pat, who signs in with a better-auth password, steps up with it; signing out ends the grant", async ({
  page,
}) => {
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "With a password" });
  await form.getByLabel("Email").fill(SEED_USERS.pat.email);
  await form.getByLabel("Password").fill(SEED_USERS.pat.password);
  await form.getByRole("button", { name: "Sign in with password" }).click();
  await expect(page.getByRole("heading", { name: "Your plan" })).toBeVisible();

  await changePlan(page, "pro");
  const dialog = stepUpDialog(page);
  await expect(dialog).toContainText("Changing your plan");
  await expectLaidOutUnderTailwind(page, dialog);
  // better-auth holds her password (a credential account): it is offered, beside the email code.
  const choices = dialog.getByRole("group", { name: "Choose how to verify" });
  await expect(choices.getByRole("button")).toHaveText(["Password", "Email code"]);
  await choices.getByRole("button", { name: "Password" }).click();
  await dialog.getByLabel("Password").fill("not-her-password");
  await dialog.getByRole("button", { name: "Verify" }).click();
  await expect(dialog).toContainText("didn’t match. 4 attempts left.");
  await dialog.getByLabel("Password").fill(SEED_USERS.pat.password);
  await dialog.getByRole("button", { name: "Verify" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("current-plan")).toHaveText("pro");

  // better-auth deletes the session row on sign-out: the adapter's plugin ends its step-up grant.
  expect(liveGrants(databaseFile("app"))).toBe(1);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/sign-in/);
  expect(liveGrants(databaseFile("app"))).toBe(0);
});

test("Nora, who signs in by email link, is asked for an email code (never a password)", async ({ page }) => {
  const email = SEED_USERS.nora.email;
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "With an email link" });
  await form.getByLabel("Email for a link").fill(email);
  await form.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toHaveText("Check your email.");
  await page.goto((await latestMail(OUTBOX, email, /sign in/i)).text);
  await expect(page.getByRole("heading", { name: "Your plan" })).toBeVisible();

  await changePlan(page, "team");
  const dialog = stepUpDialog(page);
  await expect(dialog).toContainText("Changing your plan");
  await expect(dialog.getByLabel("Password")).toHaveCount(0);
  // Email is her only method: choosing it (here, the only choice) sends the code at once.
  await expect(dialog.getByRole("status")).toContainText("We sent a code to");
  const { text } = await latestMail(OUTBOX, email, /code/i);
  await dialog.getByLabel("Code from the email we sent you").fill(/\b(\d{6})\b/.exec(text)?.[1] ?? "");
  await dialog.getByRole("button", { name: "Verify" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("current-plan")).toHaveText("team");
});
