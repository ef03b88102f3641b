import { DEMO_USERS } from "../../prisma/seed-data";
import { expect, PASSWORD, readEmailedCode, signIn, test, verifyWithPassword } from "./support/fixtures";

test.describe("account security", () => {
  test("Bob changes his email with the code sent to the new address, the old one is told, and he changes it back", async ({
    page,
  }) => {
    await signIn(page, "bob");
    await page.goto("/settings/account");
    await page.getByLabel("New email").fill("bob.e2e@example.com");
    await page.getByRole("button", { name: "Change email" }).click();
    await verifyWithPassword(page);
    const confirm = page.getByRole("form", { name: "Confirm your new email" });
    await expect(confirm).toContainText("bob.e2e@example.com");
    // Nothing has changed yet: a reload still shows the old address, and the pending change.
    await page.reload();
    await expect(page.getByTestId("current-email")).toHaveText("bob@example.com");

    await confirm.getByLabel("Code from the email").fill(await readEmailedCode(page, "bob.e2e@example.com"));
    await confirm.getByRole("button", { name: "Confirm new email" }).click();
    await expect(page.getByRole("region", { name: "Email" }).getByRole("status")).toHaveText("Email changed.");
    await expect(page.getByTestId("current-email")).toHaveText("bob.e2e@example.com");
    // Done: the form is ready for another change, not showing the address it just made current.
    await expect(page.getByLabel("New email")).toHaveValue("");

    // Back to the seeded address, so other journeys still sign in as bob@example.com.
    await page.getByLabel("New email").fill("bob@example.com");
    await page.getByRole("button", { name: "Change email" }).click();
    await confirm.getByLabel("Code from the email").fill(await readEmailedCode(page, "bob@example.com"));
    await confirm.getByRole("button", { name: "Confirm new email" }).click();
    await expect(page.getByTestId("current-email")).toHaveText("bob@example.com");

    // The notice to the old address of the first change is in bob's outbox now that it is his again.
    await page.goto("/dev/outbox");
    await expect(page.getByRole("table", { name: "Sent emails" })).toContainText("Your sign-in email was changed");
  });

  test("Bob renames himself on the account page and the header follows", async ({ page }) => {
    await signIn(page, "bob");
    await page.goto("/settings/account");
    const name = page.getByRole("region", { name: "Name" });
    await expect(name.getByLabel("Your name")).toHaveValue("Bob Brown");
    await name.getByLabel("Your name").fill("Robert Brown");
    await name.getByRole("button", { name: "Save name" }).click();
    await expect(name.getByRole("status")).toHaveText("Name saved.");
    await expect(page.getByRole("banner")).toContainText("Robert Brown");

    // Back to the seeded name, which other journeys pick from member lists.
    await name.getByLabel("Your name").fill("Bob Brown");
    await name.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("banner")).toContainText("Bob Brown");
  });

  test("The sign-in page names every demo account and the shared password", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByText(`Demo accounts, all with the password ${PASSWORD}:`)).toBeVisible();
    await expect(page.getByRole("list", { name: "Demo accounts" }).getByRole("listitem")).toHaveText(
      DEMO_USERS.map((user) => `${user.email} (${user.name}, ${user.org} ${user.role})`),
    );
  });

  test("Six wrong passwords in a row: the sixth attempt is refused with a wait, the same for any address", async ({
    page,
  }) => {
    await page.goto("/sign-in");
    const alert = page.getByRole("main").getByRole("alert");
    for (let i = 0; i < 6; i++) {
      await page.getByLabel("Email").fill("nobody.e2e@example.com");
      await page.getByLabel("Password").fill(`wrong-password-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(alert).toHaveText(
        i < 5 ? "Email or password is incorrect" : /^Too many sign-in attempts\. Try again in 15 minutes\.$/,
      );
    }
  });

  test("Pages carry a nonce CSP that forbids framing, and a journey runs with no CSP violation", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/sign-in");
    const csp = response!.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(response!.headers()["x-frame-options"]).toBe("DENY");
    expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
    await signIn(page, "bob");
    await page.goto("/transfers");
    await page.getByLabel("Recipient").fill("CSP Cafe");
    await page.getByLabel("Amount").fill("3");
    await page.getByRole("button", { name: "Send transfer" }).click();
    await verifyWithPassword(page);
    await expect(page.getByRole("status")).toHaveText("Sent 3.00 USD to CSP Cafe.");
    await page.goto("/settings/security");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });
});
