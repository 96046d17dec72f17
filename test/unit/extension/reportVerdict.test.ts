import { describe, expect, it } from "vitest";
import { queryFigures } from "../../../webview/model/figureTables";
import { verdictViews } from "../../../webview/model/verdictTables";
import { renderMarkdown } from "../../../src/core/report/markdown";
import { NO_VERDICT } from "../../../src/core/report/verdictText";
import { olderReportModel, reportModel } from "../report/model.fixture";

/** The Markdown table rows of one `### ` heading, as cell lists. */
function markdownRanking(markdown: string, heading: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.startsWith(heading));
  const end = lines.findIndex((l, i) => i > start && /^##+ /.test(l));
  return lines
    .slice(start + 1, end)
    .filter((l) => l.startsWith("| "))
    .slice(2)
    .map((r) => r.slice(2, -2).split(" | "));
}

describe("the report panel's verdict", () => {
  const model = reportModel();

  it("shows the same rankings, cell for cell, as the Markdown report", () => {
    const [run] = verdictViews({ primary: model });
    const markdown = renderMarkdown(model);
    const headings = { queries: "### Query time:", load: "### Load time:", storage: "### Storage:" };
    expect(run.rankings.map((r) => r.table.id)).toEqual(["verdict-queries", "verdict-load", "verdict-storage"]);
    for (const ranking of run.rankings) {
      const figure = ranking.table.id.replace("verdict-", "") as keyof typeof headings;
      expect(ranking.table.rows.map((r) => r.cells.map((c) => c.text))).toEqual(markdownRanking(markdown, headings[figure]));
      expect(markdown).toContain(ranking.sentence);
    }
  });

  it("keys rows by figure, target and run, and marks the best and the clearly behind", () => {
    const [run] = verdictViews({ primary: model });
    const rows = run.rankings[0].table.rows;
    expect(rows.map((r) => r.key)).toEqual(["verdict/queries/spark.iceberg/A", "verdict/queries/spark.delta/A"]);
    expect(rows.map((r) => r.cells[1].text)).toEqual(["Iceberg", "Delta Lake"]);
    expect(rows.map((r) => r.cells.at(-1)!.tone)).toEqual(["good", "bad"]);
    expect(run.method.length).toBeGreaterThanOrEqual(5);
  });

  it("shows each run's verdict when two runs are compared, and says when an older run has none", () => {
    const views = verdictViews({ primary: model, compare: olderReportModel() });
    expect(views.map((v) => v.role)).toEqual(["A", "B"]);
    expect(views[0].rankings[0].table.id).toBe("verdict-queries-A");
    expect(views[1]).toMatchObject({ missing: NO_VERDICT, rankings: [] });
  });

  it("marks a query whose spread is too wide to rank in the query grid, with the reason on hover", () => {
    const table = queryFigures({ primary: model });
    const spread = table.columns.findIndex((c) => c.title === "Spread");
    const q03 = table.rows.find((r) => r.key === "query/q03/spark.delta/A")!.cells[spread];
    expect(q03).toMatchObject({ text: "spread too wide to rank", tone: "bad", title: model.queries[2].spread!.detail });
    expect(queryFigures({ primary: olderReportModel() }).rows[0].cells[spread].text).toBe("–");
  });
});
