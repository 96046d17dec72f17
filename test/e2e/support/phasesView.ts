// Reads the Phases tree as a screen reader would: the aria-label of each row
// ("Gold, running, q05 0.412 s median of 1"), which the extension sets for every item.
import type { Page } from "../vscodeHost";
import { richPage, type PageElement } from "./playwrightExtras";

export async function phaseRows(page: Page): Promise<string[]> {
  return richPage(page).evaluate(() => {
    // Runs in the browser: no imports reach it.
    const document = (globalThis as unknown as { document: PageElement }).document;
    const panes = [...document.querySelectorAll(".pane")].filter((pane) => pane.querySelector(".pane-header")?.textContent?.includes("Phases"));
    return panes.flatMap((pane) => [...pane.querySelectorAll(".monaco-list-row")].map((row) => row.getAttribute("aria-label") ?? ""));
  });
}

/** Polls the tree (the test's own clock; the extension itself is event-driven) until `done` holds. */
export async function waitForPhases(page: Page, done: (rows: string[]) => boolean, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let rows: string[] = [];
  let last = "";
  for (;;) {
    rows = await phaseRows(page);
    if (done(rows)) return rows;
    const now = rows.join(" | ");
    if (now !== last) console.log(`  phases: ${now}`);
    last = now;
    if (Date.now() > deadline) throw new Error(`timed out; the Phases tree shows: ${now}`);
    await page.waitForTimeout(2_000);
  }
}
