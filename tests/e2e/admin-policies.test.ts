import { expect, scanAccessibility, stepUpDialog, test } from "./support/fixtures";
import { confirmAdminStepUp, openAs, saveFullScreenshot, settle } from "./support/admin";

test.describe("admin policies", () => {
  test("Ada makes email changes need high for Alice, and Alice is then asked for high", async ({
    page,
    browser,
    signIn,
  }) => {
    await signIn("admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Policies" })).toBeVisible();
    await page.getByRole("link", { name: "New policy" }).click();

    await page.getByLabel("Name").fill("Alice's email needs high");
    await page.getByLabel("Applies to").selectOption({ label: "Alice Anders (alice@example.com)" });
    await page.getByRole("button", { name: "Add procedure rule" }).click();
    const rule = page.getByRole("group", { name: "Procedure rule 1" });
    await rule.getByLabel("Pattern").fill("account.changeEmail");
    await rule.getByLabel("Level required").selectOption("high");
    await rule.getByLabel("Reason shown to the user (optional)").fill("Email changes are checked closely this month");

    // The draft already counts in the simulator beside the form.
    const simulator = page.getByRole("region", { name: "Try it in the simulator" });
    // It tries the policy on the member it applies to, not on Ada.
    await expect(simulator.getByLabel("User").locator("option:checked")).toHaveText("Alice Anders (alice@example.com)");
    await simulator.getByLabel("Procedure").selectOption("account.changeEmail");
    await expect(simulator.getByTestId("sim-verdict")).toHaveText("Step-up required: High");
    await expect(simulator.getByRole("region", { name: "Result" })).toContainText("Draft (unsaved)");
    await saveFullScreenshot(page, "admin-policy-editor");

    await page.getByRole("button", { name: "Create policy" }).click();
    await expect(stepUpDialog(page)).toContainText("Creating a step-up policy");
    await confirmAdminStepUp(page);
    await expect(page).toHaveURL(/\/admin\/policies$/);
    const row = page.getByRole("row", { name: /Alice's email needs high/ });
    await expect(row).toContainText("alice@example.com");
    await expect(row.getByRole("switch", { name: "Enabled: Alice's email needs high" })).toBeChecked();

    const alice = await openAs(browser, "alice");
    await alice.goto("/settings/account");
    await alice.getByLabel("New email").fill("alice.new@example.com");
    await alice.getByRole("button", { name: "Change email" }).click();
    const dialog = stepUpDialog(alice);
    // The rule's reason, written by Ada, describes the dialog beside the action and level.
    await expect(dialog).toHaveAccessibleDescription(
      "You are approving Change your email to alice.new@example.com Email changes are checked closely this month.",
    );
    await expect(dialog.getByRole("group", { name: "Choose how to verify" }).getByRole("button")).toHaveText([
      /Password \+ authenticator code/,
      /Password \+ backup code/,
    ]);
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // Switched off, the policy no longer applies: back to the global medium.
    // The switch shows the saved state, so it flips once the server has accepted the change.
    await row.getByRole("switch").click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Alice's email needs high disabled.");
    await expect(row.getByRole("switch")).not.toBeChecked();
    await alice.getByRole("button", { name: "Change email" }).click();
    await expect(dialog).toContainText("Quick check");
    await expect(dialog).not.toContainText("checked closely");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await alice.context().close();

    await row.getByRole("button", { name: "Delete Alice's email needs high" }).click();
    await row.getByRole("button", { name: "Confirm delete" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Policy deleted.");
    await expect(row).toHaveCount(0);

    // Each change is in the audit log with what the policy was before and after.
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
    await page.getByLabel("Event type").selectOption("stepup.policy_changed");
    const changes = page
      .getByRole("region", { name: "Events", exact: true })
      .getByRole("row")
      .filter({ hasText: "Alice's email needs high" });
    await expect(changes).toHaveCount(3);
    await expect(changes.first()).toContainText('"before"');
    await page.getByLabel("Event type").selectOption("");
    await settle(page);
    await saveFullScreenshot(page, "admin-audit-activity");
  });

  test("The rules' JSON view shows the schema's error and a bad condition is flagged as Ada types", async ({
    page,
    signIn,
  }) => {
    await signIn("admin");
    await page.goto("/admin/policies/new");
    await page.getByRole("button", { name: "Add condition rule" }).click();
    const expression = page.getByRole("group", { name: "Condition rule 1" }).getByLabel("Expression");
    await expression.fill("risk > ");
    await expect(page.getByText(/^Invalid: /)).toBeVisible();
    await expect(expression).toHaveAttribute("aria-invalid", "true");
    await expression.fill("risk > 0.8 && amount.value > 1000");
    await expect(page.getByText("Valid expression.")).toBeVisible();

    await page.getByRole("button", { name: "JSON" }).click();
    const json = page.getByLabel("Rules as JSON");
    await expect(json).toHaveValue(/"expression": "risk > 0.8 && amount.value > 1000"/);
    await json.fill('[{ "kind": "amount", "min": 500, "max": 100, "level": "high" }]');
    await expect(page.getByText("Rule 1, max: min must be lower than max")).toBeVisible();
    await json.fill('[{ "kind": "amount", "min": 100, "max": 500, "currency": "EUR", "level": "high" }]');
    await expect(page.getByText("Valid: 1 rule.")).toBeVisible();
    await page.getByRole("button", { name: "Form" }).click();
    await expect(page.getByRole("group", { name: "Amount rule 1" }).getByLabel("Currency (empty for any)")).toHaveValue(
      "EUR",
    );

    // The form with one rule of every kind, and the JSON view with an error, pass axe too.
    for (const kind of ["procedure", "resource", "auth-age", "condition", "risk"]) {
      await page.getByRole("button", { name: `Add ${kind} rule` }).click();
    }
    await expect(page.getByRole("group", { name: /rule 1$/ })).toHaveCount(6);
    await settle(page);
    await saveFullScreenshot(page, "admin-policy-all-kinds");
    expect(await scanAccessibility(page)).toEqual([]);
    await page.getByRole("button", { name: "JSON" }).click();
    await page.getByLabel("Rules as JSON").fill("[{");
    await expect(page.getByText(/^Not valid JSON/)).toBeVisible();
    await saveFullScreenshot(page, "admin-policy-json");
    expect(await scanAccessibility(page)).toEqual([]);
  });

  test("Ada tries a rule as report-only in the simulator, saves it, then switches it to enforce", async ({
    page,
    signIn,
  }) => {
    await signIn("admin");
    await page.goto("/admin/policies/new");
    await page.getByLabel("Name").fill("Profile edits");
    await page.getByLabel("Mode").selectOption({ label: "Report only (audit, never refuse)" });
    await page.getByRole("button", { name: "Add procedure rule" }).click();
    await page.getByRole("group", { name: "Procedure rule 1" }).getByLabel("Pattern").fill("profile.*");

    const simulator = page.getByRole("region", { name: "Try it in the simulator" });
    await simulator.getByLabel("Procedure").selectOption("profile.update");
    await expect(simulator.getByTestId("sim-verdict")).toHaveText(/No step-up needed/);
    await expect(simulator.getByRole("listitem").filter({ hasText: "Draft (unsaved)" })).toContainText("report only");

    await page.getByRole("button", { name: "Create policy" }).click();
    await confirmAdminStepUp(page);
    const row = page.getByRole("row", { name: /Profile edits/ });
    await expect(row).toContainText("Report only");

    await row.getByRole("link", { name: "Profile edits" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit policy" })).toBeVisible();
    await page.getByLabel("Mode").selectOption("enforce");
    await simulator.getByLabel("Procedure").selectOption("profile.update");
    await expect(simulator.getByTestId("sim-verdict")).toHaveText("Step-up required: High");
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(row).toContainText("Enforce");
    await expect(row).not.toContainText("Report only");

    await row.getByRole("button", { name: "Delete Profile edits" }).click();
    await row.getByRole("button", { name: "Confirm delete" }).click();
    await expect(row).toHaveCount(0);
  });

  test("Global policies are listed read-only", async ({ page, signIn }) => {
    await signIn("admin");
    await page.goto("/admin/policies");
    const row = page.getByRole("row", { name: /Payment amounts/ });
    await expect(row).toContainText("Global");
    await expect(row.getByRole("switch")).toBeDisabled();
    await expect(row.getByRole("button", { name: /Delete/ })).toHaveCount(0);
    await settle(page);
    await saveFullScreenshot(page, "admin-policies");
    await row.getByRole("link", { name: "Payment amounts" }).click();
    await expect(page.getByText("Organization admins can read them but not change them.")).toBeVisible();
    await expect(page.getByLabel("Name")).toBeDisabled();
  });
});
