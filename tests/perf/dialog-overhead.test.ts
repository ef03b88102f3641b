import { expect, test } from "@playwright/test";
import { chooseMethod, PASSWORD, signIn, stepUpDialog } from "../e2e/support/fixtures";

/**
 * A measurement, not an assertion: the dialog's own time from the Verify click to the
 * retried call's visible success, minus the time its network requests were in flight (the verify and
 * the retry). What is left is the client's work: closing the dialog, resolving the waiting link,
 * React rendering the result. Printed per run and as the median; target ≤ 150 ms.
 */
const RUNS = 7;
const TARGET_MS = 150;

test("the dialog's overhead from Verify to the retried call's success", async ({ browser }) => {
  const overheads: number[] = [];
  const totals: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh session each run: no grant yet, so every transfer asks again.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "bob");
    await page.getByRole("link", { name: "Transfers" }).click();
    await page.getByLabel("Recipient").fill("Carol");
    await page.getByLabel("Amount").fill(String(10 + run));
    await page.getByRole("button", { name: "Send transfer" }).click();
    const dialog = stepUpDialog(page);
    await chooseMethod(page, "Password");
    await dialog.getByLabel("Password").fill(PASSWORD);

    // Timed inside the page (no round trip to the test runner in the figure): the click in the
    // capture phase, the success text by a MutationObserver, the requests by Resource Timing.
    await page.evaluate(() => {
      const w = window as unknown as { __t0?: number; __t1?: number };
      document.addEventListener("click", () => (w.__t0 ??= performance.now()), { capture: true });
      new MutationObserver(() => {
        if (w.__t0 !== undefined && w.__t1 === undefined && document.body.innerText.includes("Sent "))
          w.__t1 = performance.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await dialog.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("status")).toContainText("Sent ");
    const { total, network } = await page.evaluate(() => {
      const w = window as unknown as { __t0: number; __t1: number };
      const spans = performance
        .getEntriesByType("resource")
        .filter((e) => e.name.includes("/api/trpc/") && e.startTime >= w.__t0 && e.startTime < w.__t1)
        // Refetches the success starts may run on past it: only the part before the success counts.
        .map((e) => [e.startTime, Math.min((e as PerformanceResourceTiming).responseEnd, w.__t1)] as const)
        .sort((a, b) => a[0] - b[0]);
      // The union of in-flight intervals: overlapping requests count once.
      let network = 0;
      let end = -Infinity;
      for (const [start, finish] of spans) {
        if (finish <= end) continue;
        network += finish - Math.max(start, end);
        end = finish;
      }
      return { total: w.__t1 - w.__t0, network };
    });
    totals.push(total);
    overheads.push(total - network);
    await context.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const shown = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
  console.log(`Verify click → retried call's success: ${shown(totals)} ms (median ${median(totals).toFixed(0)})`);
  console.log(
    `  minus the requests in flight (dialog's own work): ${shown(overheads)} ms — median ${median(overheads).toFixed(0)} ms (target ≤ ${TARGET_MS} ms)`,
  );
});
