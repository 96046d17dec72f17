/** The lifecycle section of the reports: present only with a lifecycle step, every value escaped. */
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../../src/core/report/html";
import { LIFECYCLE_CHART_FILES, LIFECYCLE_TITLE, lifecycleChartFiles } from "../../../src/core/report/lifecycleSection";
import { NO_PAIRS, VERDICT_TITLE } from "../../../src/core/report/lifecycleText";
import { summarizeLifecycle } from "../../../src/core/report/lifecycleSummary";
import { renderMarkdown } from "../../../src/core/report/markdown";
import { build, rawOutput } from "../phases/lifecycle.fixture";
import { reportTargetOf } from "../../../src/core/report/targetLabels";
import { reportModel } from "./model.fixture";

const HOSTILE = '<img src=x onerror="alert(1)"> | cut';

describe("the lifecycle section", () => {
  const summary = summarizeLifecycle(build());
  const model = reportModel({ workload: "lifecycle", lifecycle: { "spark.iceberg": summary } });

  it("is absent without a lifecycle step", () => {
    expect(renderMarkdown(reportModel())).not.toContain(LIFECYCLE_TITLE);
    expect(renderHtml(reportModel())).not.toContain(LIFECYCLE_TITLE);
  });

  it("keeps the summary figures and drops the per-query detail", () => {
    expect(summary.passes.map((p) => p.pass)).toEqual(["round-0", "round-1", "round-2", "time-travel", "maintained"]);
    expect(summary.passes[0]).not.toHaveProperty("queries");
  });

  it("shows per target the degradation rate with its interval, recovery, amplification, time travel and answers", () => {
    const markdown = renderMarkdown(model);
    expect(markdown).toContain(`## ${LIFECYCLE_TITLE}`);
    const row = markdown.split("\n").find((l) => l.startsWith("| Iceberg | 2 |"))!;
    expect(row).toContain("15.0 % (");
    expect(row).toContain("1.05×");
    expect(row).toContain("2.00 → 1.20");
    expect(row).toContain("✓ equals round 0");
    expect(row).toContain("| 1 of 2 readable |");
    expect(row).toContain("10/10");
    // One column per pass in the pass table.
    expect(markdown).toMatch(/\| target \| round-0 \| round-1 \| round-2 \| time-travel \| maintained \|/);
  });

  it("says when a format read a cleaned version as other rows instead of failing", () => {
    const raw = rawOutput({ readable_after_maintenance: [{ round: 0, readable: true, lineitem_rows: 0, error: null }, { round: 1, readable: true, lineitem_rows: 401, error: null }] });
    const markdown = renderMarkdown(reportModel({ lifecycle: { "spark.iceberg": summarizeLifecycle(build(raw)) } }));
    expect(markdown).toContain("2 of 2 readable; ✗ read as other rows without an error (round 0: 0 rows, expected 400)");
  });

  it("escapes what comes from the job (a format's error text) in both renderings", () => {
    const raw = rawOutput({ time_travel: { supported: false, method: "none", error: HOSTILE } });
    const hostile = reportModel({ lifecycle: { "spark.iceberg": summarizeLifecycle(build(raw)) } });
    const html = renderHtml(hostile);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(renderMarkdown(hostile)).toContain("unsupported: &lt;img src=x onerror=\"alert(1)\"&gt; \\| cut");
  });

  it("draws the four charts in the HTML and links their SVG files from the Markdown", () => {
    const html = renderHtml(model);
    for (const title of ["Queries' total time per pass", "Storage per round: live data and dead bytes", "Change operations per round", "Maintenance cost against recovery"]) expect(html).toContain(`<h3>${title.replace("'", "&#39;")}</h3>`);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(4 + 3);
    const markdown = renderMarkdown(model);
    for (const file of Object.values(LIFECYCLE_CHART_FILES)) expect(markdown).toContain(`](${file})`);
    expect(Object.keys(lifecycleChartFiles(model)).sort()).toEqual(Object.values(LIFECYCLE_CHART_FILES).sort());
    expect(lifecycleChartFiles(reportModel())).toEqual({});
  });

  it("notes a lifecycle resumed from an interrupted attempt in the rounds column", () => {
    const resumed = { ...summary, resumed: { afterRound: 1, method: "RESTORE TABLE", seconds: 2 } };
    const markdown = renderMarkdown(reportModel({ lifecycle: { "spark.iceberg": resumed } }));
    expect(markdown).toContain("| Iceberg | 2 (resumed after round 1 by RESTORE TABLE, 2.0 s) |");
    expect(summarizeLifecycle({ ...build(), resumed: resumed.resumed }).resumed).toEqual(resumed.resumed);
    expect(summary).not.toHaveProperty("resumed");
  });

  it("carries the last round's per-query seconds for the variant verdict", () => {
    expect(summary.lastRoundSeconds).toEqual({ q01: 1.32, q02: 2.64 });
  });

  it("shows the variant verdict in both renderings, or says there is no pair", () => {
    expect(renderMarkdown(model)).toContain(NO_PAIRS);
    const pair = reportModel({ targets: [reportTargetOf("spark.iceberg"), reportTargetOf("spark.iceberg-mor")], lifecycle: { "spark.iceberg": summary, "spark.iceberg-mor": summary } });
    const markdown = renderMarkdown(pair);
    expect(markdown).toContain(`### ${VERDICT_TITLE}`);
    expect(markdown).toContain("| Iceberg vs Iceberg MOR | storage after 2 rounds | equal | 1.00× | exact, one measurement |");
    const html = renderHtml(pair);
    expect(html).toContain(`<h3>${VERDICT_TITLE}</h3>`);
    expect(html).toContain("<p>Iceberg vs Iceberg MOR: writes: ");
  });
});
