// Checks the report panel inside its webview iframes: every chart drew on its canvas, and the
// figures in the data grid are the ones in summary.json, formatted as the HTML report does.
import { seconds } from "../../../src/core/report/format";
import type { ReportModel } from "../../../src/core/report/model";
import { answersText, metricText, qphhTargets } from "../../../src/core/report/qphhText";
import { sameQueryMeasurement } from "../../../src/core/report/reuse";
import type { FrameLocator, Locator, Page } from "../vscodeHost";
import { rich, type PageCanvas } from "./playwrightExtras";

export function reportFrame(page: Page): FrameLocator {
  return page.frameLocator("iframe.webview.ready").frameLocator("#active-frame");
}

export async function checkReportPanel(page: Page, model: ReportModel): Promise<void> {
  const frame = reportFrame(page);
  await frame.locator(`#app[data-rendered="${model.benchmarkId}"]`).waitFor({ state: "attached", timeout: 60_000 });
  await page.waitForTimeout(500);

  const charts = await rich(frame.locator("#app")).evaluate((app) =>
    [...app.querySelectorAll("figure[data-chart]")].map((figure) => {
      const canvas = figure.querySelector("canvas") as PageCanvas;
      const pixels = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
      return { chart: figure.getAttribute("data-chart"), width: canvas.width, height: canvas.height, painted };
    }),
  );
  // A tpch-qphh run adds the power and throughput test's charts.
  const expectedCharts = ["query-times", "total-time", "geomean-time", "load-times", "storage", ...(model.qphh ? ["qphh", "refresh-times"] : [])];
  for (const id of expectedCharts) {
    const chart = charts.find((c) => c.chart === id);
    if (!chart || chart.width === 0 || chart.painted < 500) throw new Error(`chart ${id} did not render: ${JSON.stringify(chart)}`);
  }

  const grid = await gridCells(frame.locator("#app"));
  const problems: string[] = [];
  const expect = (key: string, column: string, wanted: string) => {
    const got = grid[key]?.[column];
    if (got !== wanted) problems.push(`${key} ${column}: grid shows ${JSON.stringify(got)}, summary.json says ${JSON.stringify(wanted)}`);
  };
  let compared = 0;
  for (const query of model.queries) {
    for (const [target, cell] of Object.entries(query.byTarget)) {
      const key = `query/${query.name}/${target}/A`;
      if (cell?.statistics) {
        expect(key, "Median", seconds(cell.statistics.median));
        expect(key, "Min", seconds(cell.statistics.min));
        expect(key, "Max", seconds(cell.statistics.max));
      }
      expect(key, "Answer", cell?.answer.status === "match" ? "match" : String(cell?.answer.status));
      compared++;
    }
  }
  for (const [target, totals] of Object.entries(model.totals)) {
    expect(`totals/${target}/A`, "Total time", seconds(totals!.sumOfMedians, 2));
    if (totals!.geometricMeanOfMedians !== null) expect(`totals/${target}/A`, "Geo. mean", seconds(totals!.geometricMeanOfMedians, 3));
  }
  for (const [target, load] of Object.entries(model.load)) {
    for (const [table, figures] of Object.entries(load!.tables)) expect(`load/${table}/${target}/A`, "Load time", seconds(figures.seconds, 2));
  }
  if (compared < model.queries.length * model.targets.length) problems.push(`only ${compared} query cells compared`);
  // The verdict: every ranking of summary.json, in the same order and with the same ratios.
  let ranked = 0;
  // (Core's verdict text pulls in simple-statistics, which the bundled e2e file cannot resolve: the format is spelled here.)
  const rankings = ["queries", "load", "storage"] as const;
  for (const figure of rankings) {
    for (const format of model.verdict?.[figure].formats ?? []) {
      const key = `verdict/${figure}/${format.target}/A`;
      expect(key, "Rank", String(format.rank));
      expect(key, "Ratio to best", `${format.ratio.toFixed(2)}×`);
      ranked++;
    }
  }
  if (ranked < rankings.length * model.targets.length) problems.push(`only ${ranked} verdict rows in summary.json's verdict`);
  if (problems.length) throw new Error(`grid differs from summary.json:\n  ${problems.slice(0, 10).join("\n  ")}`);
  console.log(`  report panel: ${charts.length} charts drawn, ${Object.keys(grid).length} grid rows, ${compared} query cells and ${ranked} verdict rows equal to summary.json`);
}

/** The power + throughput table shows every target's figures from summary.json, as core formats them. */
export async function checkQphhTable(page: Page, model: ReportModel): Promise<void> {
  const rows = await rich(reportFrame(page).locator('[data-table="qphh"]')).evaluate((table) => {
    const head = [...table.querySelectorAll("thead th")].map((th) => (th.textContent ?? "").trim());
    return [...table.querySelectorAll("tbody tr")].map((tr) => Object.fromEntries([...tr.querySelectorAll("td")].map((td, i) => [head[i], (td.textContent ?? "").trim()])));
  });
  const targets = qphhTargets(model);
  const problems: string[] = [];
  if (rows.length !== targets.length) problems.push(`${rows.length} rows for ${targets.length} targets`);
  for (const [target, figures] of targets) {
    const row = rows.find((r) => r.format === target.label);
    const wanted = { "Power@Size": metricText(figures.powerAtSize), "Throughput@Size": metricText(figures.throughputAtSize), "QphH@Size": metricText(figures.qphhAtSize), "answers correct": answersText(figures) };
    for (const [column, text] of Object.entries(wanted)) if (row?.[column] !== text) problems.push(`${target.label} ${column}: panel shows ${JSON.stringify(row?.[column])}, summary.json says ${JSON.stringify(text)}`);
  }
  if (problems.length) throw new Error(`QphH table differs from summary.json:\n  ${problems.join("\n  ")}`);
  console.log(`  QphH table: ${targets.length} target(s) equal to summary.json`);
}

/** Picks run B in the panel's "Compare with" picker (vscode-single-select) by its option label. */
export async function pickComparison(page: Page, optionText: string): Promise<void> {
  const frame = reportFrame(page);
  await rich(frame.locator("#run-compare")).click();
  await rich(frame.locator('#run-compare [role="option"]', { hasText: optionText }).first()).click();
}

/** The "Run B against run A" grid shows both runs' medians for every query and format. */
export async function checkComparison(page: Page, a: ReportModel, b: ReportModel): Promise<void> {
  const frame = reportFrame(page);
  await frame.locator('[data-table="comparison"]').waitFor({ state: "attached", timeout: 60_000 });
  const grid = await gridCells(frame.locator('[data-table="comparison"]'));
  const problems: string[] = [];
  let compared = 0;
  for (const query of a.queries) {
    for (const { id: target } of a.targets) {
      const medianA = query.byTarget[target]?.statistics?.median;
      const medianB = b.queries.find((q) => q.name === query.name)?.byTarget[target]?.statistics?.median;
      const row = grid[`compare/${query.name}/${target}`];
      if (medianA === undefined || medianB === undefined) continue;
      if (!row) {
        problems.push(`no comparison row for ${query.name} ${target}`);
        continue;
      }
      if (row["Median A"] !== seconds(medianA)) problems.push(`${query.name} ${target} Median A: ${row["Median A"]} ≠ ${seconds(medianA)}`);
      if (row["Median B"] !== seconds(medianB)) problems.push(`${query.name} ${target} Median B: ${row["Median B"]} ≠ ${seconds(medianB)}`);
      // A format the second run found up to date shows the first run's very measurement.
      const verdicts = sameQueryMeasurement(a, b, target) ? /^same measurement$/ : /^(faster|slower|within noise|too few runs)$/;
      if (!verdicts.test(row.Verdict ?? "")) problems.push(`${query.name} ${target} verdict: ${row.Verdict}`);
      compared++;
    }
  }
  if (compared < a.queries.length * a.targets.length) problems.push(`only ${compared} of ${a.queries.length * a.targets.length} query cells compared`);
  if (problems.length) throw new Error(`comparison grid differs from the two summary.json files:\n  ${problems.slice(0, 10).join("\n  ")}`);
  console.log(`  comparison: ${compared} query cells show both runs' medians`);
}

/** Every grid cell below `scope`, keyed by row and column: { "query/q01/iceberg/A": { Median: "0.412 s", ... } }. */
async function gridCells(scope: Locator): Promise<Record<string, Record<string, string>>> {
  return rich(scope).evaluate((root) => {
    const rows: Record<string, Record<string, string>> = {};
    for (const row of root.querySelectorAll("vscode-table-row[data-key]")) {
      const cells: Record<string, string> = {};
      for (const cell of row.querySelectorAll("vscode-table-cell")) cells[cell.getAttribute("data-column") ?? "?"] = (cell.textContent ?? "").trim();
      rows[row.getAttribute("data-key")!] = cells;
    }
    return rows;
  });
}

/**
 * The lifecycle section: the degradation chart drew on its canvas with one line per target that
 * ran the step (the figure's data-series), and the summary grid's answers equal summary.json's.
 */
export async function checkLifecyclePanel(page: Page, model: ReportModel): Promise<void> {
  const frame = reportFrame(page);
  const figure = frame.locator('figure[data-chart="lifecycle-degradation"]');
  await figure.waitFor({ state: "attached", timeout: 60_000 });
  const drawn = await rich(figure).evaluate((element) => {
    const canvas = element.querySelector("canvas") as PageCanvas | null;
    if (!canvas) return { series: element.getAttribute("data-series"), width: 0, painted: 0 };
    const pixels = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
    return { series: element.getAttribute("data-series"), width: canvas.width, painted };
  });
  const targets = model.targets.filter((t) => model.lifecycle?.[t.id]);
  const problems: string[] = [];
  if (drawn.width === 0 || drawn.painted < 500) problems.push(`the degradation chart did not render: ${JSON.stringify(drawn)}`);
  if (drawn.series !== String(targets.length)) problems.push(`the degradation chart draws ${drawn.series} lines for ${targets.length} targets`);
  const grid = await gridCells(frame.locator('[data-table="lifecycle"]'));
  for (const target of targets) {
    const totals = model.lifecycle![target.id]!.totals;
    const got = grid[`lifecycle/${target.id}/A`]?.["answers correct"];
    if (!got?.startsWith(`${totals.passed}/${totals.checked}`)) problems.push(`${target.label} answers: panel shows ${JSON.stringify(got)}, summary.json says ${totals.passed}/${totals.checked}`);
  }
  if (problems.length) throw new Error(`lifecycle section differs from summary.json:\n  ${problems.join("\n  ")}`);
  console.log(`  lifecycle: degradation chart with ${drawn.series} lines, ${targets.length} summary rows equal to summary.json`);
}
