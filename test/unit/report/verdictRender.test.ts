import { describe, expect, it } from "vitest";
import { computeVerdict } from "../../../src/core/metrics/verdict";
import { seconds } from "../../../src/core/report/format";
import { renderHtml } from "../../../src/core/report/html";
import { renderMarkdown } from "../../../src/core/report/markdown";
import { NO_PLANNING, NO_VERDICT, verdictOf } from "../../../src/core/report/verdictText";
import { olderReportModel, reportModel } from "./model.fixture";

const lines = (markdown: string, heading: string): string[] => {
  const all = markdown.split("\n");
  const start = all.findIndex((l) => l.startsWith(heading));
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = all.findIndex((l, i) => i > start && /^##+ /.test(l));
  return all.slice(start + 1, end === -1 ? undefined : end);
};
const cells = (row: string) => row.slice(2, -2).split(/(?<!\\) \| /).map((c) => c.trim());
const tableBody = (section: string[]) => section.filter((l) => l.startsWith("| ")).slice(2).map(cells);

describe("the verdict in the Markdown report", () => {
  const model = reportModel();
  const markdown = renderMarkdown(model);

  it("has a ranking table per figure whose rows are the model's verdict, best first", () => {
    for (const [heading, ranking] of [["### Query time:", model.verdict!.queries], ["### Load time:", model.verdict!.load], ["### Storage:", model.verdict!.storage]] as const) {
      const rows = tableBody(lines(markdown, heading));
      expect(rows.map((r) => r[1])).toEqual(ranking.formats.map((f) => f.label));
      expect(rows.map((r) => r[3])).toEqual(ranking.formats.map((f) => `${f.ratio.toFixed(2)}×`));
    }
  });

  it("gives the slower format's ratio and interval as computed from the timed runs", () => {
    const delta = model.verdict!.queries.formats.find((f) => f.target === "spark.delta")!;
    // The fixture's delta is slower on every run of every common query: the interval excludes 1.
    expect(delta.interval!.low).toBeGreaterThan(1);
    const row = tableBody(lines(markdown, "### Query time:")).find((r) => r[1] === "Delta Lake")!;
    expect(row).toEqual(["2", "Delta Lake", seconds(delta.value, 3), `${delta.ratio.toFixed(2)}×`, `${delta.interval!.low.toFixed(2)}–${delta.interval!.high.toFixed(2)}×`, "slower"]);
    expect(lines(markdown, "### Query time:").join("\n")).toContain(`Delta Lake ${delta.ratio.toFixed(2)}× (95 % interval ${delta.interval!.low.toFixed(2)}–${delta.interval!.high.toFixed(2)}×), slower`);
  });

  it('says "within noise" when the interval includes 1', () => {
    const even = reportModel();
    for (const row of even.queries) {
      const iceberg = row.byTarget["spark.iceberg"]!;
      if (row.byTarget["spark.delta"]?.status === "completed") row.byTarget["spark.delta"] = { ...structuredClone(iceberg), seconds: [...iceberg.seconds!].reverse() };
    }
    const out = renderMarkdown({ ...even, verdict: computeVerdict(even) });
    expect(tableBody(lines(out, "### Query time:")).find((r) => r[1] === "Delta Lake")![5]).toBe("within noise");
  });

  it("states how each interval was made, and the method", () => {
    expect(lines(markdown, "### Query time:")).toContain("_95 % interval: bootstrap over the timed runs_");
    expect(lines(markdown, "### Storage:")).toContain("_deterministic: no interval_");
    const method = lines(markdown, "### How the verdict was computed").join("\n");
    expect(method).toContain(`${model.verdict!.method.resamples} resamples`);
    expect(method).toContain(`seed ${model.verdict!.method.seed}`);
  });

  it("shows planning apart from execution per query, from the model's medians", () => {
    const rows = tableBody(lines(markdown, "## Where the time goes"));
    const q01 = model.queries[0].byTarget["spark.iceberg"]!;
    const share = Math.round((q01.planningMedian! / (q01.planningMedian! + q01.executionMedian!)) * 100);
    expect(rows[0]).toEqual(["q01", `${q01.planningMedian!.toFixed(3)} + ${q01.executionMedian!.toFixed(3)} s (${share} % planning)`, expect.stringContaining(" % planning)")]);
    expect(rows[1]).toEqual(["q02", "–", "–"]);
  });

  it("shows the silver warm-up apart from the tables", () => {
    expect(lines(markdown, "## Load time per table")).toContain(`Spark start-up warm-up, not charged to any table: Iceberg ${seconds(model.load["spark.iceberg"]!.warmupSeconds, 2)}, Delta Lake ${seconds(model.load["spark.delta"]!.warmupSeconds, 2)}.`);
  });
});

describe("an older report without a verdict", () => {
  const older = olderReportModel();

  it("renders, saying there is no verdict, no planning split and no spread marker", () => {
    const markdown = renderMarkdown(older);
    expect(markdown).toContain(NO_VERDICT);
    expect(markdown).not.toContain("### Query time");
    expect(markdown).toContain(NO_PLANNING);
    expect(markdown).not.toContain("warm-up, not charged");
    expect(renderHtml(older)).toContain(NO_VERDICT);
  });

  it("gets its verdict computed when it kept the runs but not the verdict", () => {
    const { verdict, ...withoutVerdict } = reportModel();
    expect(verdictOf(withoutVerdict)).toEqual(verdict);
    expect(verdictOf(older)).toBeUndefined();
  });
});

describe("the verdict in the HTML report", () => {
  const model = reportModel();
  const html = renderHtml(model);

  it("has the same three rankings, sentences and method as the Markdown", () => {
    for (const title of ["Query time:", "Load time:", "Storage:"]) expect(html).toContain(`<h3>${title}`);
    const delta = model.verdict!.queries.formats.find((f) => f.target === "spark.delta")!;
    expect(html).toContain(`<td>${delta.ratio.toFixed(2)}×</td><td>${delta.interval!.low.toFixed(2)}–${delta.interval!.high.toFixed(2)}×</td><td class="bad">slower</td>`);
    expect(html).toContain("<h3>How the verdict was computed</h3>");
  });

  it("escapes text that reaches the verdict from a summary file", () => {
    const hostile = reportModel();
    hostile.verdict!.load = { ...hostile.verdict!.load, formats: [], intervalSource: "none", noInterval: "<script>alert(5)</script>" };
    const out = renderHtml(hostile);
    expect(out).not.toContain("<script>alert(5)");
    expect(out).toContain("&lt;script&gt;alert(5)&lt;/script&gt;");
  });
});

describe("the verdict's wording", () => {
  it("calls no format fastest when another cannot be told apart from it", () => {
    const even = reportModel();
    for (const row of even.queries) {
      const iceberg = row.byTarget["spark.iceberg"]!;
      if (row.byTarget["spark.delta"]?.status === "completed") row.byTarget["spark.delta"] = { ...structuredClone(iceberg), seconds: [...iceberg.seconds!].reverse() };
    }
    const out = renderMarkdown({ ...even, verdict: computeVerdict(even) });
    const section = lines(out, "### Query time:");
    expect(section.join("\n")).toMatch(/has the lowest query time \(.+\) but cannot be told apart from Delta Lake/);
    expect(tableBody(section)[0][5]).toBe("lowest, within noise");
    expect(lines(renderMarkdown(reportModel()), "### Query time:").join("\n")).toMatch(/Iceberg is fastest at /);
  });
});
