import { describe, expect, it } from "vitest";
import { loadTimeChart, queryTimeChart, storageChart, totalsChart } from "../../../webview/model/chartData";
import { answerTable, comparisonTable, environmentTable, loadFigures, queryFigures, totalsFigures } from "../../../webview/model/figureTables";
import { withAlpha } from "../../../webview/theme/colors";
import { targetColour } from "../../../webview/theme/targetColour";
import { HOSTILE_CONFIG, reportModel } from "../report/model.fixture";

const a = reportModel();
const b = reportModel({ benchmarkId: "lb-20260102-000000-bbbb" });
// Run B: iceberg's q01 twice as slow, beyond the runs' spread.
b.queries = structuredClone(a.queries);
b.queries[0].byTarget["spark.iceberg"]!.statistics = { n: 3, median: 2.468, min: 2.4, max: 2.5, mean: 2.468, p95: 2.5, cv: 0.01 };

describe("the report panel's charts as data", () => {
  it("draws per-query medians by format with min–max whiskers", () => {
    const chart = queryTimeChart({ primary: a });
    expect(chart.categories).toEqual(["Q01", "Q02", "Q03"]);
    expect(chart.series.map((s) => s.label)).toEqual(["Iceberg", "Delta Lake"]);
    expect(chart.series.map((s) => s.target.colour)).toEqual(["#0072B2", "#E69F00"]); // the report's colours, from model.targets
    expect(chart.series[0].values[0]).toEqual({ y: 1.234, yMin: 1.1, yMax: 1.4 });
    expect(chart.series[1].values[1]).toBeNull(); // delta's q02 failed: no bar
    expect(chart.errorBars).toBe(true);
  });

  it("doubles the series when comparing two runs, run B marked", () => {
    const chart = queryTimeChart({ primary: a, compare: b });
    expect(chart.series.map((s) => `${s.label}/${s.role}`)).toEqual(["Iceberg · A/A", "Iceberg · B/B", "Delta Lake · A/A", "Delta Lake · B/B"]);
  });

  it("compares totals, load time per table and storage per format", () => {
    expect(totalsChart({ primary: a }, "sum").series[0].values).toEqual([{ y: 4.734 }, { y: 6 }]);
    expect(totalsChart({ primary: a }, "sum").categories).toEqual(["Iceberg", "Delta Lake"]);
    expect(totalsChart({ primary: a }, "sum").categoryTargets!.map((t) => t.id)).toEqual(["spark.iceberg", "spark.delta"]);
    expect(totalsChart({ primary: a }, "geomean").series[0].values).toEqual([{ y: 1.2345 }, { y: 2.958 }]);
    const load = loadTimeChart({ primary: a });
    expect(load.categories).toEqual(["lineitem", "orders"]);
    expect(load.series[1].values).toEqual([{ y: 10 }, null]);
    const storage = storageChart({ primary: a });
    expect(storage.series.map((s) => s.label)).toEqual(["data files", "metadata"]);
    expect(storage.series[0].values[0]).toEqual({ y: 3 });
  });
});

describe("the report panel's data grid", () => {
  it("has a row per query and format with every statistic, formatted as in the HTML report", () => {
    const table = queryFigures({ primary: a });
    const titles = table.columns.map((c) => c.title);
    expect(titles).toEqual(["Query", "Format", "Median", "Min", "Max", "p95", "CV", "Median interval", "Runs", "Planning", "Execution", "Rows", "Answer", "Spread"]);
    const row = table.rows.find((r) => r.key === "query/q01/spark.iceberg/A")!;
    expect(row.cells.map((c) => c.text)).toEqual(["Q01", "Iceberg", "1.234 s", "1.100 s", "1.400 s", "1.400 s", "5.0 %", "1.100–1.400 s (75 %)", "3", "0.200 s", "1.034 s", "4", "match", "ok"]);
    expect(row.cells[2].value).toBe(1.234);
    const failed = table.rows.find((r) => r.key === "query/q02/spark.delta/A")!;
    expect(failed.cells[titles.indexOf("Answer")]).toMatchObject({ text: "failed", tone: "bad" });
  });

  it("keeps hostile strings as plain data for the DOM to show as text", () => {
    const failed = queryFigures({ primary: a }).rows.find((r) => r.key === "query/q02/spark.delta/A")!;
    const answer = queryFigures({ primary: a }).columns.findIndex((c) => c.title === "Answer");
    expect(failed.cells[answer].title).toContain("<img src=x");
    const env = environmentTable({ primary: a });
    expect(env.rows.find((r) => r.key === "env/config: DATA_DIR")!.cells[1].text).toBe(HOSTILE_CONFIG);
  });

  it("lists loads per table, totals per format and each answer check", () => {
    expect(loadFigures({ primary: a }).rows.map((r) => r.key)).toEqual(["load/lineitem/spark.iceberg/A", "load/lineitem/spark.delta/A", "load/orders/spark.iceberg/A"]);
    const totals = totalsFigures({ primary: a });
    expect(totals.rows.find((r) => r.key === "totals/spark.delta/A")!.cells.map((c) => c.text).slice(0, 6)).toEqual(["Delta Lake", "6.00 s", "2.958 s", "1/3", "q02", "q03"]);
    const answers = answerTable({ primary: a });
    expect(answers.rows.find((r) => r.key === "answer/q03")!.cells.map((c) => c.text)).toEqual(["Q03", "match", "wrong", "no"]);
  });

  it("compares run B with run A and calls a change inside the spread noise", () => {
    expect(comparisonTable({ primary: a })).toBeUndefined();
    const table = comparisonTable({ primary: a, compare: b })!;
    const slower = table.rows.find((r) => r.key === "compare/q01/spark.iceberg")!;
    expect(slower.cells.map((c) => c.text)).toEqual(["Q01", "Iceberg", "1.234 s", "2.468 s", "+100.0 %", "slower"]);
    const same = table.rows.find((r) => r.key === "compare/q01/spark.delta")!;
    expect(same.cells.at(-1)!.text).toBe("within noise");
  });

  it("gives no verdict from single timed runs: they show no spread to judge noise by", () => {
    const single = (median: number) => ({ n: 1, median, min: median, max: median, mean: median, p95: median, cv: null });
    const once = (model: typeof a, median: number) => ({ ...model, queries: [{ ...model.queries[0], byTarget: { "spark.iceberg": { ...model.queries[0].byTarget["spark.iceberg"]!, statistics: single(median) } } }] });
    const row = comparisonTable({ primary: once(a, 1), compare: once(b, 2) })!.rows[0];
    expect(row.cells.slice(-2).map((c) => c.text)).toEqual(["+100.0 %", "too few runs"]);
  });

  it("calls figures that both runs took from the same earlier run the same measurement, not noise", () => {
    // Run B measured iceberg's queries again and found delta's up to date.
    const reusedDelta = { load: a.benchmarkId, queries: a.benchmarkId };
    const primary = { ...a, measuredIn: { "spark.iceberg": { load: a.benchmarkId, queries: a.benchmarkId }, "spark.delta": reusedDelta } };
    const compare = { ...b, measuredIn: { "spark.iceberg": { load: a.benchmarkId, queries: b.benchmarkId }, "spark.delta": reusedDelta } };
    const table = comparisonTable({ primary, compare })!;
    const reused = table.rows.find((r) => r.key === "compare/q01/spark.delta")!;
    expect(reused.cells.slice(-2).map((c) => c.text)).toEqual(["–", "same measurement"]);
    expect(table.rows.find((r) => r.key === "compare/q01/spark.iceberg")!.cells.at(-1)!.text).toBe("slower");
  });
});

describe("chart colours", () => {
  it("draws a target in its format's theme colour, and in the report's colour where the theme has none (a variant)", () => {
    const theme = { formats: { iceberg: "#3794ff" } };
    expect(targetColour(theme, { format: "iceberg", colour: "#0072B2" })).toBe("#3794ff");
    expect(targetColour(theme, { format: "iceberg-mor", colour: "#56B4E9" })).toBe("#56B4E9");
    expect(targetColour({ formats: {} }, { format: "delta", colour: "#E69F00" })).toBe("#E69F00");
  });

  it("makes theme colours lighter for run B and metadata", () => {
    expect(withAlpha("#3794ff", 0.5)).toBe("rgba(55, 148, 255, 0.5)");
    expect(withAlpha("#fff", 0.25)).toBe("rgba(255, 255, 255, 0.25)");
    expect(withAlpha("#3794ff80", 0.5)).toBe("rgba(55, 148, 255, 0.251)");
    expect(withAlpha("rgb(1, 2, 3)", 0.5)).toBe("rgba(1, 2, 3, 0.5)");
    expect(withAlpha("var(--x)", 0.5)).toBe("var(--x)");
  });
});
