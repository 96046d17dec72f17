/**
 * The lifecycle step of the shown runs (workload lifecycle): its charts (degradation, storage
 * per round, change seconds, maintenance against recovery), the per-target figures and, where
 * two variants of one format both ran it, the reports' verdict on the pair; null
 * for runs without the step, so a tpch-read report renders as before.
 */
import { lifecycleText, type ReportModel } from "../../src/core/view";
import type { BarChartData } from "../model/chartData";
import type { LineChartData } from "../model/lifecycleCharts";
import { lifecyclePassTable, lifecycleProblems, lifecycleSummaryTable } from "../model/lifecycleTables";
import type { ReportPair } from "../model/reportPair";
import { h } from "./dom";
import { figureGrid } from "./figureGrid";

const TITLE = "Lifecycle: rounds of change, read degradation, maintenance, time travel";
const NOTE =
  "Each round applies one TPC-H refresh pair (RF1, RF2) and one upsert (MERGE INTO lineitem of ~0.1 % of its rows: an extension of TPC-H, not a TPC result) to a per-run copy, then runs the queries once each. " +
  "Degradation rate: LST-Bench's mean over rounds of the relative change of the queries' total seconds, with a 95 % t-interval. Recovery: the total after maintenance over round 0's. Amplification: bytes on disk over live data bytes.";

type AnyChart = BarChartData | LineChartData;

/** `chart` draws a chart into the page (the view keeps it to recolour on a theme change). */
export function lifecycleSection(pair: ReportPair, charts: (AnyChart | null)[], chart: (data: AnyChart) => HTMLElement): HTMLElement | null {
  const summary = lifecycleSummaryTable(pair);
  if (!summary.rows.length) return null;
  const problems = lifecycleProblems(pair);
  return h(
    "section",
    { class: "lifecycle", "data-section": "lifecycle" },
    h("h2", {}, TITLE),
    h("p", { class: "meta" }, NOTE),
    h("div", { class: "charts" }, ...charts.flatMap((data) => (data ? [chart(data)] : []))),
    figureGrid(summary),
    problems.length ? h("ul", { class: "problems" }, ...problems.map((p) => h("li", {}, p))) : null,
    figureGrid(lifecyclePassTable(pair)),
    verdictLines(pair.primary),
  );
}

/** The same sentences as the Markdown and HTML reports (core's lifecycleText), for run A. */
function verdictLines(model: ReportModel): HTMLElement | null {
  const verdict = lifecycleText.verdictOfLifecycle(model);
  if (!verdict) return null;
  const lines = [...verdict.pairs.map(lifecycleText.verdictSentence), ...lifecycleText.skippedLines(verdict)];
  return h(
    "div",
    { class: "lifecycle-verdict", "data-verdict": "lifecycle" },
    h("h3", {}, lifecycleText.VERDICT_TITLE),
    h("p", { class: "meta" }, lifecycleText.VERDICT_NOTE),
    h("ul", {}, ...lines.map((line) => h("li", {}, line))),
  );
}
