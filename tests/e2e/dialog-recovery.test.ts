import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import {
  chooseMethod,
  E2E_DATABASE_FILE,
  expect,
  freshTotp,
  PASSWORD,
  stepUpDialog,
  test,
  totpFor,
} from "./support/fixtures";

/**
 * A password-only member of its own (a copy of bob's account under another address), so enrolling an
 * authenticator app here changes nothing for the journeys that rely on bob having a password only.
 */
function createPasswordOnlyUser(email: string): void {
  const db = new Database(E2E_DATABASE_FILE);
  try {
    db.transaction(() => {
      const bob = db.prepare(`SELECT "id" FROM "User" WHERE "email" = 'bob@example.com'`).get() as { id: string };
      const id = `e2e-${email.split("@")[0]}`;
      db.prepare(
        `INSERT OR IGNORE INTO "User" ("id", "email", "name", "passwordHash", "passwordChangedAt", "balanceMinor",
           "currency", "createdAt", "updatedAt")
         SELECT ?, ?, 'Carol Recovery', "passwordHash", "passwordChangedAt", "balanceMinor", "currency",
           "createdAt", "updatedAt" FROM "User" WHERE "id" = ?`,
      ).run(id, email, bob.id);
      db.prepare(
        `INSERT OR IGNORE INTO "Membership" ("id", "userId", "organizationId", "role", "createdAt")
         SELECT ?, ?, "organizationId", 'member', "createdAt" FROM "Membership" WHERE "userId" = ?`,
      ).run(`${id}-member`, id, bob.id);
    })();
  } finally {
    db.close();
  }
}

async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
}

async function startTransfer(page: Page, to: string, amount: string): Promise<void> {
  await page.goto("/transfers");
  await page.getByLabel("Recipient").fill(to);
  await page.getByLabel("Amount").fill(amount);
  await page.getByRole("button", { name: "Send transfer" }).click();
  await expect(stepUpDialog(page)).toBeVisible();
}

test.describe("the dialog recovers from failures", () => {
  test("After a wrong password, focus is back in the emptied field, so typing again just works", async ({
    page,
    signIn,
  }) => {
    await signIn("gina");
    await startTransfer(page, "Focus Florist", "4");
    const dialog = stepUpDialog(page);
    // Said before anything is typed: the level in plain words and what will be asked.
    await expect(dialog.getByText("Quick check", { exact: true })).toBeVisible();
    await chooseMethod(page, "Password");
    await expect(dialog.getByTestId("step-up-expectation")).toContainText("You’ll confirm with your password.");
    const field = dialog.getByLabel("Password");
    await field.fill("not-the-password");
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(dialog.getByRole("alert")).toContainText("That password didn’t match.");
    await expect(dialog.getByRole("alert")).toContainText("Check it and try again.");
    await expect(field).toBeFocused();
    await expect(field).toHaveValue("");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status")).toHaveText("Sent 4.00 USD to Focus Florist.");
  });

  test("Offline, a verify keeps the typed password and says so in plain words; back online it goes through", async ({
    page,
    signIn,
  }) => {
    await signIn("gina");
    await startTransfer(page, "Offline Optician", "5");
    const dialog = stepUpDialog(page);
    await chooseMethod(page, "Password");
    const field = dialog.getByLabel("Password");
    await field.fill(PASSWORD);
    // The request never reaches the server, as when the connection drops.
    await page.route("**/api/trpc/stepUp.verify**", (route) => route.abort("internetdisconnected"));
    await dialog.getByRole("button", { name: "Verify" }).click();
    const alert = dialog.getByRole("alert");
    await expect(alert).toHaveText(
      "Couldn’t reach the server. Check your connection and try again. What you typed is still here.",
    );
    await expect(alert).not.toContainText("Failed to fetch");
    await expect(field).toHaveValue(PASSWORD);
    await expect(field).toBeFocused();

    await page.unroute("**/api/trpc/stepUp.verify**");
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status")).toHaveText("Sent 5.00 USD to Offline Optician.");
  });

  test("Refused for want of a factor, Carol sets one up in a new tab and comes back to her transfer, its form intact", async ({
    page,
  }) => {
    const email = "carol.recovery@example.com";
    createPasswordOnlyUser(email);
    await signInAs(page, email);
    await startTransfer(page, "Refusal Roofing", "1500");
    const dialog = stepUpDialog(page);
    await expect(dialog).toContainText("This action needs a stronger way to confirm it’s you");

    const [settings] = await Promise.all([
      page.waitForEvent("popup"),
      dialog.getByRole("link", { name: /Set up a stronger method/ }).click(),
    ]);
    // Setting up the app asks to verify at the level Carol has (her password, ADR 011).
    await settings.getByRole("button", { name: "Set up authenticator app" }).click();
    const enrolDialog = stepUpDialog(settings);
    await chooseMethod(settings, "Password");
    await enrolDialog.getByLabel("Password").fill(PASSWORD);
    await enrolDialog.getByRole("button", { name: "Verify" }).click();
    await expect(enrolDialog).toBeHidden();
    const totp = settings.getByRole("region", { name: "Authenticator app" });
    const secret = (await totp.getByLabel("Setup key").inputValue()).replace(/\s/g, "");
    await totp.getByLabel("First 6-digit code from the app").fill(await totpFor(secret));
    await totp.getByRole("button", { name: "Turn on" }).click();
    await expect(totp.getByRole("status")).toHaveText("Authenticator app is on.");
    await settings.close();

    // Back on the transfer: the form is as she left it, and the dialog asks again with her new factor.
    await expect(page.getByLabel("Recipient")).toHaveValue("Refusal Roofing");
    await expect(page.getByLabel("Amount")).toHaveValue("1500");
    await dialog.getByRole("button", { name: "I’ve set it up: try again" }).click();
    await chooseMethod(page, /Password \+ authenticator code/);
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Continue" }).click();
    await dialog.getByLabel("6-digit code from your authenticator app").fill(await totpFor(secret));
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status")).toHaveText("Sent 1,500.00 USD to Refusal Roofing.");
  });

  test("A one-time code submits itself when its last digit is typed", async ({ page, signIn }) => {
    await signIn("alice");
    await startTransfer(page, "Typed Tailor", "6");
    const dialog = stepUpDialog(page);
    await chooseMethod(page, "Authenticator code");
    await dialog.getByLabel("6-digit code from your authenticator app").pressSequentially(await freshTotp());
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status")).toHaveText("Sent 6.00 USD to Typed Tailor.");
  });
});
