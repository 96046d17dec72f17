import { describe, expect, it } from "vitest";
import { qphhChart, refreshTimesChart } from "../../../src/core/report/charts";
import { renderHtml } from "../../../src/core/report/html";
import { renderMarkdown } from "../../../src/core/report/markdown";
import { qphhChartFiles, QPHH_CHART_FILES } from "../../../src/core/report/qphhSection";
import { summarizeQphh } from "../../../src/core/report/qphhSummary";
import { QPHH_TITLE } from "../../../src/core/report/qphhText";
import { renderTimeline, streamTimeline } from "../../../src/core/report/streamTimeline";
import { parseReportModel, SummaryVersionError } from "../../../src/core/report/summaryVersions";
import { reportModel } from "./model.fixture";
import { HOSTILE_CHANGE, POWER_ORDER, qphhMetrics, qphhReportModel } from "./qphh.fixture";

const LABEL = "derived from TPC-H, not an audited TPC result";

/** The lines of a Markdown section, from its heading to the next one of the same level. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(`## ${heading}`);
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}
const cells = (row: string): string[] => row.slice(2, -2).split(/(?<!\\) \| /).map((c) => c.trim());

describe("the power and throughput test's summary in the report model", () => {
  it("projects the metrics file: power intervals in stream 00's order, refresh times per table, stream spans, storage", () => {
    const summary = summarizeQphh(qphhMetrics());
    expect(summary.label).toBe(LABEL);
    expect(summary.power.map((p) => p.query)).toEqual(POWER_ORDER.map((n) => `q${String(n).padStart(2, "0")}`));
    expect(summary.power[0]).toEqual({ query: "q14", status: "completed", seconds: 0.64, answer: "match" });
    expect(summary.rf1).toEqual({ seconds: 1.2, tables: { orders: expect.closeTo(0.4, 9), lineitem: expect.closeTo(0.8, 9) } });
    expect(summary.throughput.streams.map((s) => [s.stream, s.startedAt, s.endedAt, s.queries[0].query])).toEqual([[1, 0, 11, "q21"], [2, 0.1, 11.1, "q06"]]);
    expect(summary.throughput.streams[0].queries[1]).toMatchObject({ query: "q03", startedAt: 0.5, endedAt: 1 });
    expect(summary.throughput.refresh).toEqual([{ set: 2, startedAt: 0, endedAt: 2, rf1Seconds: 1.2, rf2Seconds: 0.8 }, { set: 3, startedAt: 2, endedAt: 4, rf1Seconds: 1.2, rf2Seconds: 0.8 }]);
    // A figure the format does not have (null) is left out, not shown as 0.
    expect(summary.storage).toEqual({
      orders: { dataFiles: 5, dataBytes: 600_000, deleteFiles: 3, totalBytes: 640_000, metadataBytes: 40_000, versions: 7 },
      lineitem: { dataFiles: 9, dataBytes: 2_000_000, totalBytes: 2_100_000, metadataBytes: 100_000, versions: 7 },
    });
    expect(summary.answers).toEqual({ checked: 66, passed: 66, failed: [], mismatched: [], countMismatches: [] });
    expect(summary.qphhAtSize).toBeCloseTo(Math.sqrt(summary.powerAtSize! * summary.throughputAtSize!), 9);
  });

  it("survives summary.json: a v2 summary reads with its test and without one", () => {
    const withTest = parseReportModel(JSON.parse(JSON.stringify(qphhReportModel())));
    expect(withTest.qphh?.["spark.iceberg"]?.rf2.seconds).toBe(0.8);
    expect(parseReportModel(JSON.parse(JSON.stringify(reportModel())))).not.toHaveProperty("qphh");
    expect(() => parseReportModel({ ...JSON.parse(JSON.stringify(reportModel())), qphh: 5 })).toThrow(SummaryVersionError);
  });
});

describe("the power and throughput test's report section", () => {
  const model = qphhReportModel();
  const markdown = renderMarkdown(model);
  const html = renderHtml(model);

  it("is labelled as derived from TPC-H and lists each target's refresh times and metrics", () => {
    const lines = section(markdown, QPHH_TITLE);
    expect(lines).toContain(`> **${LABEL}**`);
    const rows = lines.filter((l) => l.startsWith("| ") && !l.startsWith("| ---"));
    expect(cells(rows[0]).slice(0, 6)).toEqual(["format", "RF1 (orders + lineitem)", "RF2 (lineitem + orders)", "Power@Size", "Throughput@Size", "QphH@Size"]);
    const iceberg = cells(rows[1]);
    const q = model.qphh!["spark.iceberg"]!;
    expect(iceberg.slice(0, 3)).toEqual(["Iceberg", "1.200 s (orders 0.400 s + lineitem 0.800 s)", "0.800 s (lineitem 0.400 s + orders 0.400 s)"]);
    expect(iceberg[5]).toBe(q.qphhAtSize!.toFixed(1));
    expect(iceberg.slice(6, 9)).toEqual(["11.150 s", "2", "66/66"]);
    expect(cells(rows[2]).slice(0, 1).concat(cells(rows[2])[8])).toEqual(["Delta Lake", "65/66"]);
    expect(lines).toContain("- ❌ Delta Lake: wrong answers: stream 2 q03");
    for (const file of Object.values(QPHH_CHART_FILES)) expect(markdown).toContain(`](${file})`);
  });

  it("shows the storage after the refreshes and the power intervals query by target", () => {
    const lines = section(markdown, QPHH_TITLE);
    expect(lines).toContain("| Iceberg | orders | 5 | 3 | 585.9 KiB | 625.0 KiB | 39.1 KiB | 7 |");
    expect(lines).toContain("| Iceberg | lineitem | 9 | – | 1.9 MiB | 2.0 MiB | 97.7 KiB | 7 |");
    expect(lines).toContain("| q14 | 0.640 s | 0.840 s |");
    expect(lines).toContain("| Delta Lake | refresh set 3 | 4.000 s | 8.000 s | 4.000 s | RF1 2.400 s, RF2 1.600 s |");
  });

  it("escapes what comes from the metrics files in Markdown, HTML and SVG", () => {
    expect(markdown).not.toContain("<b>INTO");
    expect(markdown).toContain("MERGE &lt;b&gt;INTO&lt;/b&gt; \\| WHEN MATCHED");
    expect(html).not.toContain(HOSTILE_CHANGE);
    expect(html).toContain("MERGE &lt;b&gt;INTO&lt;/b&gt; | WHEN MATCHED THEN DELETE");
    const hostile = qphhReportModel({ targets: model.targets.map((t) => ({ ...t, label: `${t.label}<script>` })) });
    for (const svg of Object.values(qphhChartFiles(hostile))) expect(svg).not.toContain("<script>");
  });

  it("puts the section, its label and its three charts into the HTML report", () => {
    expect(html).toContain(`<h2>${QPHH_TITLE}</h2>`);
    expect(html).toContain(`<strong>${LABEL}</strong>`);
    // The three charts of every report, then QphH, refresh times and the stream timeline.
    expect(html.match(/<svg /g)).toHaveLength(6);
  });

  it("shows a failed power interval as failed and the metrics it voids as a dash", () => {
    const failed = qphhReportModel();
    const iceberg = failed.qphh!["spark.iceberg"]!;
    iceberg.power[0] = { query: "q14", status: "failed", answer: "unchecked" };
    iceberg.powerAtSize = null;
    iceberg.qphhAtSize = null;
    const lines = section(renderMarkdown(failed), QPHH_TITLE);
    expect(lines).toContain("| q14 | failed | 0.840 s |");
    const row = cells(lines.find((l) => l.startsWith("| Iceberg | 1.200 s"))!);
    expect([row[3], row[5]]).toEqual(["–", "–"]);
    expect(qphhChart(failed).series[0].values.map((v) => v.value)).toEqual([null, iceberg.throughputAtSize, null]);
  });

  it("is absent, and the report unchanged, for a tpch-read model", () => {
    const read = reportModel();
    expect(renderMarkdown(read)).not.toContain("QphH");
    expect(renderHtml(read)).not.toContain("QphH");
    expect(renderMarkdown({ ...read, qphh: {} })).toBe(renderMarkdown(read));
    expect(renderHtml({ ...read, qphh: {} })).toBe(renderHtml(read));
    expect(qphhChartFiles(read)).toEqual({});
  });
});

describe("the power and throughput test's charts", () => {
  const model = qphhReportModel();

  it("draws Power@Size, Throughput@Size and QphH@Size by target", () => {
    const chart = qphhChart(model);
    expect(chart.categories).toEqual(["Power@Size", "Throughput@Size", "QphH@Size"]);
    expect(chart.series.map((s) => [s.name, s.color])).toEqual([["Iceberg", "#0072B2"], ["Delta Lake", "#E69F00"]]);
    const iceberg = model.qphh!["spark.iceberg"]!;
    expect(chart.series[0].values.map((v) => v.value)).toEqual([iceberg.powerAtSize, iceberg.throughputAtSize, iceberg.qphhAtSize]);
    expect(qphhChart(reportModel()).series).toEqual([]);
  });

  it("draws RF1 and RF2 seconds by target", () => {
    expect(refreshTimesChart(model).series.map((s) => s.values.map((v) => v.value))).toEqual([[1.2, 0.8], [2.4, 1.6]]);
  });

  it("lays out each target's query streams and refresh stream on one time axis", () => {
    const timeline = streamTimeline(model);
    expect(timeline.groups.map((g) => g.lanes.map((l) => l.label))).toEqual([["stream 1", "stream 2", "refresh"], ["stream 1", "stream 2", "refresh"]]);
    expect(timeline.end).toBeCloseTo(15.55, 9); // Delta's Ts, the longer one
    const refresh = timeline.groups[0].lanes[2].spans;
    expect(refresh.map((s) => [s.start, s.end])).toEqual([[0, 1.2], [1.2, 2], [2, 3.2], [3.2, 4]]);
    // Delta's wrong answer is marked on its span.
    expect(timeline.groups[1].lanes[1].spans.find((s) => s.title.includes("q03"))!.kind).toBe("wrong");
    const svg = renderTimeline(timeline);
    expect(svg.match(/<rect /g)).toHaveLength(2 * (44 + 4));
    expect(svg).toContain("<title>Iceberg RF1 set 2: 1.200 s</title>");
  });
});
