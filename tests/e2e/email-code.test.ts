import {
  chooseMethod,
  expect,
  readEmailedCode,
  saveScreenshot,
  scanAccessibility,
  stepUpDialog,
  test,
} from "./support/fixtures";

test.describe("email codes", () => {
  test("Gina confirms a small transfer with a code emailed to her, read from the dev outbox, after asking for a new one", async ({
    page,
    signIn,
  }) => {
    await signIn("gina");
    await page.goto("/transfers");
    await page.getByLabel("Recipient").fill("Bakery");
    await page.getByLabel("Amount").fill("20");
    await page.getByRole("button", { name: "Send transfer" }).click();

    const dialog = stepUpDialog(page);
    // Choosing an email code sends one: no second press.
    await chooseMethod(page, "Email code");
    await expect(dialog.getByRole("status")).toHaveText("We sent a code to g***@example.com.");
    // Resending is throttled: the button counts down instead of sending again.
    await expect(dialog.getByRole("button", { name: /^Resend code in 0:[0-3]\d$/ })).toBeDisabled();
    const input = dialog.getByLabel("Code from the email we sent you");
    await expect(input).toHaveAttribute("inputmode", "numeric");
    await expect(input).toHaveAttribute("autocomplete", "one-time-code");
    await saveScreenshot(page, "dialog-email-code");

    const first = await readEmailedCode(page, "gina@example.com");
    await input.fill(first === "000000" ? "111111" : "000000");
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(dialog.getByRole("alert")).toContainText("didn’t match or has expired");

    // Once the countdown ends, "Resend code" sends a new code, and that one works.
    const resend = dialog.getByRole("button", { name: "Resend code", exact: true });
    await expect(resend).toBeEnabled({ timeout: 35_000 });
    await resend.click();
    await expect(dialog.getByRole("button", { name: /^Resend code in / })).toBeDisabled();
    const code = await readEmailedCode(page, "gina@example.com");
    await input.fill(code);
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status")).toHaveText("Sent 20.00 USD to Bakery.");
  });

  test("Gina's dev outbox lists the emails sent to her, newest first, says it is a demo, and passes an axe-core scan", async ({
    page,
    signIn,
  }) => {
    // Anonymous visitors are sent to sign in: the outbox holds codes.
    await page.goto("/dev/outbox");
    await expect(page).toHaveURL(/\/sign-in$/);
    await signIn("gina");
    await page.goto("/dev/outbox");
    await expect(page.getByRole("note")).toContainText("This is a demo outbox");
    await expect(page.getByRole("heading", { level: 1, name: "Dev outbox" })).toBeVisible();
    const table = page.getByRole("table", { name: "Sent emails" });
    await expect(table.getByRole("columnheader")).toHaveText(["To", "Subject", "Body", "Sent"]);
    await expect(table.getByRole("row").nth(1)).toContainText("gina@example.com");
    await expect(table.getByRole("row").nth(1)).toContainText("Your verification code");
    expect(await scanAccessibility(page)).toEqual([]);
    await saveScreenshot(page, "dev-outbox");
  });
});
