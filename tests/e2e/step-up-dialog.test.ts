import {
  chooseMethod,
  expect,
  pageAlert,
  PASSWORD,
  saveScreenshot,
  stepUpDialog,
  test,
  verifyWithPassword,
} from "./support/fixtures";

test.describe("the step-up dialog", () => {
  test("Gina locks one verification, then her account, and the dialog says which and until when", async ({
    page,
    signIn,
  }) => {
    await signIn("gina");
    await page.goto("/transfers");
    await page.getByLabel("Recipient").fill("Hal");
    await page.getByLabel("Amount").fill("20");
    await page.getByRole("button", { name: "Send transfer" }).click();

    const dialog = stepUpDialog(page);
    await chooseMethod(page, "Password");
    const password = dialog.getByLabel("Password");
    for (const left of [4, 3, 2, 1]) {
      await password.fill("wrong-password");
      await dialog.getByRole("button", { name: "Verify" }).click();
      await expect(dialog.getByRole("alert")).toHaveText(
        `That password didn’t match. ${left} attempt${left === 1 ? "" : "s"} left. Check it and try again.`,
      );
    }
    await saveScreenshot(page, "dialog-wrong-password");
    await password.fill("wrong-password");
    await dialog.getByRole("button", { name: "Verify" }).click();

    // The fifth failure locks this verification only: no countdown, a new one is one click away.
    await expect(dialog.getByRole("alert")).toHaveText(
      "Too many failed attempts: this verification is locked. Start again to get a new one.",
    );
    await expect(dialog.getByText(/try again in/i)).toHaveCount(0);
    await expect(password).toBeDisabled();
    await expect(dialog.getByLabel("Trust this device for 24 hours")).toBeDisabled();
    await expect(dialog.getByRole("button", { name: "Use another method" })).toHaveCount(0);
    await saveScreenshot(page, "dialog-locked-requirement");
    await dialog.getByRole("button", { name: "Start again" }).click();

    // The new verification opens on the password again. The account pauses at its tenth failure
    // (earlier when the suite's email-code journey left one), before this verification would lock.
    const alert = dialog.getByRole("alert");
    for (const left of [4, 3, 2, 1, 0]) {
      await password.fill("wrong-password");
      await dialog.getByRole("button", { name: "Verify" }).click();
      await expect(alert).toHaveText(new RegExp(`${left} attempts? left|paused for your account`));
      if ((await alert.textContent())?.includes("paused")) break;
    }
    const until = String.raw`\d\d?:\d\d\s?(AM|PM)?`;
    await expect(alert).toHaveText(
      new RegExp(`^Too many failed attempts: verification is paused for your account until ${until}, for every action`),
    );
    const countdown = dialog.getByText(/You can try again in 1[45]:\d\d/);
    const first = await countdown.textContent();
    await expect(countdown).not.toHaveText(first ?? "", { timeout: 3_000 });
    await expect(dialog.getByRole("button", { name: "Verify" })).toBeDisabled();
    await expect(password).toBeDisabled();
    await expect(dialog.getByRole("button", { name: "Use another method" })).toBeDisabled();
    await saveScreenshot(page, "dialog-locked-countdown");

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(pageAlert(page)).toHaveText("Verification cancelled. Nothing was changed.");

    // Sending again opens a dialog that says the pause at once, before she types anything.
    await page.getByRole("button", { name: "Send transfer" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(
      new RegExp(`^Too many failed attempts: verification is paused for your account until ${until}, for every action`),
    );
    await expect(dialog.getByText(/You can try again in 1[45]:\d\d/)).toBeVisible();
    // Gina has several methods: the picker shows, and none of them can be chosen while paused.
    const choices = dialog.getByRole("group", { name: "Choose how to verify" }).getByRole("button");
    expect(await choices.count()).toBeGreaterThan(1);
    for (const choice of await choices.all()) await expect(choice).toBeDisabled();
    await saveScreenshot(page, "dialog-paused-at-open");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(pageAlert(page)).toHaveText("Verification cancelled. Nothing was changed.");
  });

  test("Focus returns to the button that opened the dialog, whichever way the dialog closes", async ({
    page,
    signIn,
  }) => {
    await signIn("bob");
    await page.goto("/transfers");
    await page.getByLabel("Recipient").fill("Focus");
    await page.getByLabel("Amount").fill("5");
    const send = page.getByRole("button", { name: "Send transfer" });
    const dialog = stepUpDialog(page);

    await send.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(send).toBeFocused();

    await send.click();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(send).toBeFocused();

    await send.click();
    await verifyWithPassword(page);
    await expect(page.getByRole("region", { name: "History" }).getByRole("cell", { name: "Focus" })).toHaveCount(1);
    await expect(send).toBeFocused();
  });

  test("Two protected transfers fired at once share one dialog, which names both, and both complete", async ({
    page,
    signIn,
  }) => {
    await signIn("bob");
    await page.goto("/transfers");
    await page.getByLabel("Recipient").fill("Twin");
    await page.getByLabel("Amount").fill("5");
    // Both submissions leave before the batch does (httpBatchLink sends them in one request); the
    // second is for another amount, typed as a person would (an input event React reads).
    await page
      .locator("form")
      .first()
      .evaluate(async (form: HTMLFormElement) => {
        form.requestSubmit();
        const amount = form.querySelector<HTMLInputElement>("input[name=amount]")!;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(amount, "7");
        amount.dispatchEvent(new Event("input", { bubbles: true }));
        await Promise.resolve();
        form.requestSubmit();
      });

    const dialog = stepUpDialog(page);
    // Each waiting action is named, not only the one whose level the dialog asks for.
    await expect(
      dialog.getByRole("list", { name: "One verification completes all 2 waiting actions:" }).getByRole("listitem"),
    ).toHaveText(["Send 5.00 USD to Twin", "Send 7.00 USD to Twin"]);
    await expect(page.getByRole("dialog")).toHaveCount(1);
    await saveScreenshot(page, "dialog-shared-by-two");
    await chooseMethod(page, "Password");
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Verify" }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole("region", { name: "History" }).getByRole("cell", { name: "Twin" })).toHaveCount(2);
  });
});
