import { describe, expect, it } from "vitest";
import { loadTimesChart, queryTimesChart, storageChart } from "../../../src/core/report/charts";
import { renderHtml } from "../../../src/core/report/html";
import { answerSummary, CHART_FILES, renderMarkdown } from "../../../src/core/report/markdown";
import { renderBarChart } from "../../../src/core/report/svgChart";
import { reportTargetOf } from "../../../src/core/report/targetLabels";
import { DELTA, ICEBERG, reportModel } from "./model.fixture";

/** The lines of a Markdown section, from its heading to the next one. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(`## ${heading}`);
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** Cells of a Markdown table row, honouring escaped pipes. */
const cells = (row: string): string[] =>
  row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.trim());

const tableRows = (lines: string[]) => lines.filter((l) => l.startsWith("| "));

describe("renderMarkdown", () => {
  const markdown = renderMarkdown(reportModel());

  it("starts with a title naming the run", () => {
    expect(markdown.split("\n")[0]).toBe("# Lakehouse Bench report lb-20260101-000000-abcd");
  });

  it("has a totals table with a header, a separator and one row per format", () => {
    const rows = tableRows(section(markdown, "Totals"));
    expect(rows).toHaveLength(4);
    expect(cells(rows[0])).toEqual(["format", "load time", "data", "metadata", "files", "Σ median query time", "geometric mean", "answers correct"]);
    expect(cells(rows[1]).every((c) => c === "---")).toBe(true);
    expect(cells(rows[2])).toEqual(["Iceberg", "12.3 s", "3.0 MiB", "2.0 KiB", "4", "4.734 s", "1.234 s", "3/3"]);
    expect(cells(rows[3])).toEqual(["Delta Lake", "10.0 s", "1.0 MiB", "512 B", "1", "6.000 s", "2.958 s", "1/3"]);
  });

  it("shows dashes for a format with no load and no totals", () => {
    const model = reportModel({ targets: [ICEBERG, DELTA, reportTargetOf("spark.hudi")] });
    const rows = tableRows(section(renderMarkdown(model), "Totals"));
    expect(cells(rows.find((r) => r.startsWith("| Hudi "))!)).toEqual(["Hudi", "–", "–", "–", "–", "–", "–", "–"]);
  });

  it("names each target by its label, a format variant too", () => {
    const mor = reportTargetOf("spark.iceberg-mor");
    const model = reportModel({ targets: [ICEBERG, mor] });
    expect(mor).toMatchObject({ label: "Iceberg MOR", engine: "spark", format: "iceberg-mor" });
    const rows = tableRows(section(renderMarkdown(model), "Totals"));
    expect(cells(rows[3])[0]).toBe("Iceberg MOR");
    expect(renderMarkdown(model)).toContain("formats Iceberg, Iceberg MOR;");
  });

  it("has one query-times row per query, with a column per format, the answer check and the spread marker", () => {
    const rows = tableRows(section(markdown, "Query times (median seconds; CV in brackets)"));
    expect(cells(rows[0])).toEqual(["query", "Iceberg", "Delta Lake", "answers", "spread"]);
    const body = rows.slice(2);
    expect(body.map((r) => cells(r)[0])).toEqual(["q01", "q02", "q03"]);
    expect(body.every((r) => cells(r).length === 5)).toBe(true);
    expect(cells(body[0])).toEqual(["q01", "1.234 (5.0 %)", "2.500 (5.0 %)", "✅ all match", "ok"]);
    expect(cells(body[1])[2]).toMatch(/^failed: AnalysisException/);
    expect(cells(body[2])[3]).toBe("❌ Delta Lake: revenue: 1, duckdb has 2");
    expect(cells(body[2])[4]).toBe("spread too wide to rank");
  });

  it("links the three chart files", () => {
    for (const file of Object.values(CHART_FILES)) expect(markdown).toContain(`](${file})`);
  });

  it("lists each problem in the verdict, or a success line when there are none", () => {
    const verdict = section(markdown, "Verdict").filter((l) => l.startsWith("- "));
    expect(verdict).toEqual(["- ❌ queries@spark.delta is failed: failed: q02; wrong answers: q03", "- ❌ q03: targets disagree on the answer"]);
    const clean = section(renderMarkdown(reportModel({ problems: [] })), "Verdict").filter((l) => l.startsWith("- "));
    expect(clean).toEqual([expect.stringMatching(/^- ✅ /)]);
  });

  it("has a row per bronze table in the load and storage sections, with a dash where a format has no figure", () => {
    const load = tableRows(section(markdown, "Load time per table (seconds)")).slice(2);
    expect(load.map(cells)).toEqual([
      ["lineitem", "60175", "8.00 s", "10.00 s"],
      ["orders", "15000", "4.34 s", "–"],
    ]);
    const storage = tableRows(section(markdown, "Storage per table (data + metadata)")).slice(2);
    expect(cells(storage[0])).toEqual(["lineitem", "60175", "2.0 MiB + 1.0 KiB (2 files)", "1.0 MiB + 512 B (1 files)"]);
  });

  it("mentions concurrent timings only when they were concurrent", () => {
    expect(markdown).not.toMatch(/concurrently/);
    expect(renderMarkdown(reportModel({ concurrentTimings: true }))).toMatch(/Timings were taken concurrently/);
  });

  it("says which formats' figures were taken over from an earlier run, in both reports", () => {
    const model = reportModel();
    expect(renderMarkdown({ ...model, measuredIn: { "spark.iceberg": { load: model.benchmarkId, queries: model.benchmarkId } } })).not.toMatch(/earlier run/);
    const reused = { ...model, measuredIn: { "spark.iceberg": { load: "lb-20251231-000000-0000", queries: model.benchmarkId }, "spark.delta": { load: "lb-20251231-000000-0000", queries: "lb-20251231-000000-0000" } } };
    expect(renderMarkdown(reused)).toContain("Iceberg: load measured in run lb-20251231-000000-0000 (up to date, not rerun)");
    expect(renderMarkdown(reused)).toContain("Delta Lake: load measured in run lb-20251231-000000-0000; query times measured in run lb-20251231-000000-0000");
    expect(renderHtml(reused)).toContain("Iceberg: load measured in run lb-20251231-000000-0000");
  });

  it("escapes values so no raw HTML tag from the data appears and table rows keep their columns", () => {
    const model = reportModel();
    const dataDir = String(model.config.DATA_DIR);
    const error = model.queries[1].byTarget["spark.delta"]!.error!;
    // What the fixture feeds in: a tag in a config value, a tag and a pipe in an error.
    expect(dataDir).toMatch(/<script>/);
    expect(error).toMatch(/<img .*\|/);
    const angles = (text: string) => text.replace(/</g, "&lt;").replace(/>/g, "&gt;");
    expect(markdown).not.toContain(dataDir);
    expect(markdown).not.toMatch(/<script|<img/i);
    const dataDirRow = tableRows(section(markdown, "Configuration")).find((r) => r.startsWith("| DATA_DIR "))!;
    expect(cells(dataDirRow)).toEqual(["DATA_DIR", angles(dataDir)]);
    const q02 = tableRows(section(markdown, "Query times (median seconds; CV in brackets)")).find((r) => r.startsWith("| q02 "))!;
    expect(cells(q02)).toHaveLength(5); // the "|" in the error is escaped, so the row keeps its columns
    expect(cells(q02)[2]).toBe(`failed: ${angles(error).replace(/\|/g, "\\|")}`);
  });

  it("lists versions, machine facts and every configuration value", () => {
    const config = tableRows(section(markdown, "Configuration")).slice(2).map(cells);
    expect(config).toEqual([
      ["TPCH_SCALE_FACTOR", "0.01"],
      ["DATA_DIR", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ]);
    expect(markdown).toContain("| pyspark | 3.5.6 |");
    expect(markdown).toContain("| cpus | 2 |");
  });
});

describe("answerSummary", () => {
  it('is ok, "all match", only when every format matches the oracle and they agree', () => {
    expect(answerSummary(reportModel(), "q01")).toEqual({ ok: true, text: "all match" });
  });

  it("lists each format whose answer is not a match, with the reason", () => {
    expect(answerSummary(reportModel(), "q02")).toEqual({ ok: false, text: "Delta Lake: the query failed" });
    expect(answerSummary(reportModel(), "q03")).toEqual({ ok: false, text: "Delta Lake: revenue: 1, duckdb has 2" });
  });

  it("is not ok when the formats disagree even though each matched the oracle", () => {
    const model = reportModel();
    model.queries[0].sameAcrossFormats = false;
    expect(answerSummary(model, "q01").ok).toBe(false);
    expect(answerSummary(model, "q01").text).not.toBe("");
  });

  it("is not ok for a query that was not run", () => {
    expect(answerSummary(reportModel(), "q99").ok).toBe(false);
  });
});

describe("renderHtml", () => {
  const html = renderHtml(reportModel());

  it("is a complete HTML document", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("has a Content-Security-Policy meta tag that allows no script and no remote content", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    expect(csp).not.toBeNull();
    expect(csp![1]).toMatch(/default-src 'none'/);
    expect(csp![1]).not.toMatch(/script-src/);
    expect(csp![1]).not.toMatch(/https?:/);
  });

  it("contains no script element and no event handler attributes at all", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]+\son\w+=/i);
  });

  it("shows hostile values as text, escaped", () => {
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
  });

  it("escapes a hostile benchmark id, problem and version too", () => {
    const evil = reportModel({
      benchmarkId: '"><script>x()</script>',
      problems: ["<iframe src=javascript:alert(3)>"],
      versions: { "<b>java</b>": "<svg onload=alert(4)>" },
      machine: { cpuModel: "<style>body{display:none}</style>" },
    });
    const out = renderHtml(evil);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<iframe/i);
    expect(out).not.toMatch(/<b>java/);
    expect(out).not.toMatch(/<svg onload/i);
    expect(out.match(/<style>/g)).toHaveLength(1); // only the report's own stylesheet
  });

  it("marks the answer cell good or bad", () => {
    expect(html).toMatch(/<tr><td>q01<\/td>.*?<td class="good">all match<\/td><td>ok<\/td><\/tr>/);
    expect(html).toMatch(/<tr><td>q03<\/td>.*?<td class="bad">Delta Lake: revenue: 1, duckdb has 2<\/td><td class="bad">spread too wide to rank<\/td><\/tr>/);
  });

  it("has a totals row per format and a query row per query", () => {
    expect(html).toContain("<tr><td>Iceberg</td><td>12.3 s</td><td>3.0 MiB</td><td>2.0 KiB</td><td>4</td><td>4.734 s</td><td>1.234 s</td><td>3/3</td></tr>");
    const queryTimes = html.slice(html.indexOf("<h2>Query times</h2>"), html.indexOf("<h2>Where the time goes"));
    for (const q of ["q01", "q02", "q03"]) expect(queryTimes.match(new RegExp(`<tr><td>${q}</td>`, "g"))).toHaveLength(1);
  });

  it("embeds the three charts inline as SVG", () => {
    expect(html.match(/<svg /g)).toHaveLength(3);
  });

  it("shows each problem, or the all-good line when there are none", () => {
    expect(html).toContain('<li class="bad">q03: targets disagree on the answer</li>');
    expect(renderHtml(reportModel({ problems: [] }))).toContain('<p class="good">Every query answered on every format');
  });
});

describe("SVG charts", () => {
  /** Bars are the rects with a tooltip; the legend's swatches have none. */
  const bars = (svg: string) => [...svg.matchAll(/<rect ([^>]*)><title>([^<]*)<\/title><\/rect>/g)].map((m) => ({ attrs: m[1], title: m[2] }));
  const attr = (attrs: string, name: string) => Number(new RegExp(`${name}="([^"]+)"`).exec(attrs)![1]);

  it("query times: one bar per format and query that has timings, plus one legend swatch per format", () => {
    const svg = renderBarChart(queryTimesChart(reportModel()));
    // q01: 2, q02: iceberg only (delta failed), q03: 2.
    expect(bars(svg).map((b) => b.title)).toEqual([
      "Iceberg Q01: 1.234 s",
      "Delta Lake Q01: 2.500 s",
      "Iceberg Q02: 0.5000 s",
      "Iceberg Q03: 3.000 s",
      "Delta Lake Q03: 3.500 s",
    ]);
    expect(svg.match(/<rect /g)).toHaveLength(5 + 2);
  });

  it("query times: draws a min-max whisker only where the runs differ", () => {
    const svg = renderBarChart(queryTimesChart(reportModel()));
    const whiskers = svg.match(/<line [^>]*stroke="currentColor" \/>/g)!;
    // The y axis plus 4 whiskers (q02 on iceberg has min = max).
    expect(whiskers).toHaveLength(1 + 4);
  });

  it("query times: a longer median draws a taller bar", () => {
    const found = bars(renderBarChart(queryTimesChart(reportModel())));
    const height = (title: string) => attr(found.find((b) => b.title === title)!.attrs, "height");
    expect(height("Delta Lake Q03: 3.500 s")).toBeGreaterThan(height("Iceberg Q03: 3.000 s"));
    expect(height("Iceberg Q03: 3.000 s") / height("Iceberg Q01: 1.234 s")).toBeCloseTo(3 / 1.234, 6);
  });

  it("load times: one bar per table and format with a figure", () => {
    const svg = renderBarChart(loadTimesChart(reportModel()));
    expect(bars(svg).map((b) => b.title)).toEqual(["Iceberg lineitem: 8.000 s", "Delta Lake lineitem: 10.00 s", "Iceberg orders: 4.340 s"]);
  });

  it("storage: data plus metadata in MiB per table and format", () => {
    const svg = renderBarChart(storageChart(reportModel()));
    const titles = bars(svg).map((b) => b.title);
    expect(titles).toHaveLength(3);
    expect(titles[0]).toBe(`Iceberg lineitem: ${((2 * 2 ** 20 + 1024) / 2 ** 20).toPrecision(4)} MiB`);
  });

  it("leaves formats without totals out of the query chart", () => {
    const model = reportModel();
    delete model.totals["spark.delta"];
    const chart = queryTimesChart(model);
    expect(chart.series.map((s) => s.name)).toEqual(["Iceberg"]);
  });

  it("escapes titles, categories and series names and contains no script", () => {
    const svg = renderBarChart({
      title: "<script>alert(1)</script>",
      unit: "s",
      categories: ["<img src=x onerror=alert(2)>"],
      series: [{ name: '"><script>', color: '"/><script>', values: [{ value: 1 }] }],
    });
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/<img/i);
    expect(bars(svg)).toHaveLength(1);
  });

  it("draws no bars, but a valid empty chart, when there is no data", () => {
    const svg = renderBarChart({ title: "empty", unit: "s", categories: [], series: [] });
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).not.toMatch(/<rect /);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it("keeps every coordinate finite when all values are zero", () => {
    const svg = renderBarChart({ title: "zeros", unit: "s", categories: ["a", "b"], series: [{ name: "x", color: "#000", values: [{ value: 0 }, { value: 0 }] }] });
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(bars(svg)).toHaveLength(2);
  });
});
