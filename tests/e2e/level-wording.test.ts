import { expect, test } from "./support/fixtures";

/** What pages say about levels and methods comes from the policies and the configuration. */
test.describe("wording that follows the configuration", () => {
  test("Bob reads on Transfers what the amount policy and the critical combinations ask for", async ({
    page,
    signIn,
  }) => {
    await signIn("bob");
    await page.getByRole("link", { name: "Transfers" }).click();
    await expect(page.getByRole("region", { name: "New transfer" })).toContainText(
      "Under 1,000 USD needs a quick check, 1,000 to 10,000 a strong check, and 10,000 or more your approval of that one transfer (passkey).",
    );
    await page.goto("/settings/security");
    await expect(page.getByText("No passkeys yet.")).toHaveText(
      "No passkeys yet. A passkey is the strongest way to confirm it’s you, and the only one accepted for critical actions.",
    );
  });
});
