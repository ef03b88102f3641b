import { readFile } from "node:fs/promises";
import Database from "better-sqlite3";
import { expect, type Locator, type Page } from "@playwright/test";

interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** The newest message to `to` in a server's outbox (the app's development mailer), waiting for it. */
export async function latestMail(outbox: string, to: string, subject: RegExp): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(async () => {
      const lines = (await readFile(outbox, "utf8").catch(() => "")).split("\n").filter(Boolean);
      const mails = lines.map((line) => JSON.parse(line) as Mail);
      found = mails.reverse().find((mail) => mail.to === to && subject.test(mail.subject));
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}

/** The module's dialog (from `StepUpProvider`). */
export function stepUpDialog(page: Page) {
  return page.getByRole("dialog", { name: "Confirm it’s you" });
}

/**
 * Tailwind's base styles (every create-t3-app has them) reset the margins and heading weights a
 * `<dialog>` gets from the browser: the module's own styles must centre it and weigh its title.
 */
export async function expectLaidOutUnderTailwind(page: Page, dialog: Locator): Promise<void> {
  const box = await dialog.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error("The dialog is not rendered");
  expect(Math.abs(box.x + box.width / 2 - viewport.width / 2), "centred horizontally").toBeLessThanOrEqual(2);
  expect(Math.abs(box.y + box.height / 2 - viewport.height / 2), "centred vertically").toBeLessThanOrEqual(2);
  const title = dialog.getByRole("heading", { name: "Confirm it’s you" });
  expect(Number(await title.evaluate((heading) => getComputedStyle(heading).fontWeight))).toBeGreaterThanOrEqual(600);
}

/** Step-up grants of a server's database that are still live (not revoked), read directly. */
export function liveGrants(databaseFile: string): number {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "StepUpGrant" WHERE "revokedAt" IS NULL`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
