import { expect, stepUpDialog, test } from "./support/fixtures";

/**
 * The dialog names the operation at every level in the host's words (the payload's `action`, ADR 045).
 * A recipient is the user's own input inside that text: markup in it is shown as characters, a
 * right-to-left name and a bidi override cannot reorder the line, and 100 characters without a space
 * wrap inside the dialog on a phone.
 */
const MARKUP = '<img src=x onerror="window.__injected=1"><b>bold</b>';
const ARABIC = "شركة الأمل";
const FILLER = "Grundstuecksverwaltungsgesellschaft";
const RECIPIENT = `${MARKUP}\u202E${ARABIC}${FILLER}`.slice(0, 100);

test.describe("the operation named in the dialog", () => {
  test("a markup, right-to-left and 100-character recipient is shown as text, without the override, and wraps", async ({
    page,
    signIn,
  }) => {
    await signIn("bob");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/transfers");
    await page.getByLabel("Recipient").fill(RECIPIENT);
    await page.getByLabel("Amount").fill("3");
    await page.getByRole("button", { name: "Send transfer" }).click();

    const dialog = stepUpDialog(page);
    const summary = dialog.locator("#step-up-summary");
    await expect(summary).toHaveText(`You are approving Send 3.00 USD to ${RECIPIENT.replace("\u202E", "")}`);
    // Text, not HTML: no element was made from the recipient, and its handler never ran.
    await expect(summary.locator("img, b")).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
    // Isolated from the sentence around it, so the Arabic name cannot move "Send 3.00 USD to".
    await expect(summary.locator("bdi")).toHaveCount(1);
    // Wraps: neither the line nor the dialog scrolls sideways, and the dialog fits the screen.
    expect(await summary.evaluate((p) => p.scrollWidth - p.clientWidth)).toBe(0);
    expect(await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)).toBe(0);
    const box = (await dialog.boundingBox())!;
    expect(box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await dialog.getByRole("button", { name: "Cancel" }).click();
  });
});
