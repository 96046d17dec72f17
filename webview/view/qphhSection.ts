/**
 * The power and throughput test of the shown run (workload tpch-qphh): its label, the QphH
 * and refresh-time charts, and the figures per target; null for a run without the test.
 */
import { qphhText, streamTimeline, type ReportModel } from "../../src/core/view";
import type { BarChartData } from "../model/chartData";
import { h } from "./dom";
import { timelineView } from "./timelineView";

const table = (id: string, head: string[], rows: string[][]) =>
  h("table", { class: "settings", "data-table": id }, h("thead", {}, h("tr", {}, ...head.map((c) => h("th", {}, c)))), h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c))))));

/** `chart` draws a chart into the page (the view keeps it to recolour on a theme change). */
export function qphhSection(model: ReportModel, charts: (BarChartData | null)[], chart: (data: BarChartData) => HTMLElement): HTMLElement | null {
  if (!qphhText.qphhTargets(model).length) return null;
  const problems = qphhText.qphhProblemLines(model);
  const timeline = streamTimeline(model);
  return h(
    "section",
    { class: "qphh", "data-section": "qphh" },
    h("h2", {}, qphhText.QPHH_TITLE),
    h("p", { class: "qphh-label", "data-label": "qphh" }, h("span", { class: "codicon codicon-info", "aria-hidden": "true" }), " ", h("strong", {}, qphhText.qphhLabel(model))),
    h("p", { class: "meta" }, qphhText.QPHH_NOTE),
    h("div", { class: "charts" }, ...charts.flatMap((data) => (data ? [chart(data)] : []))),
    table("qphh", qphhText.QPHH_COLUMNS, qphhText.qphhRows(model)),
    problems.length ? h("ul", { class: "problems" }, ...problems.map((p) => h("li", {}, p))) : null,
    h("h3", {}, qphhText.QPHH_STORAGE_TITLE),
    table("qphh-storage", qphhText.QPHH_STORAGE_COLUMNS, qphhText.storageRows(model)),
    h("h3", {}, qphhText.QPHH_POWER_TITLE),
    table("qphh-power", qphhText.powerColumns(model), qphhText.powerRows(model)),
    h("h3", {}, qphhText.QPHH_STREAMS_TITLE),
    // data-figure, not data-chart: it has no canvas (the e2e reads every data-chart canvas).
    h("figure", { class: "chart wide", "data-figure": "stream-timeline" }, h("figcaption", {}, h("strong", {}, timeline.title), h("span", {}, "Each query is a span on its stream; the refresh stream shows each set's RF1 then RF2. Hover a span for its seconds.")), timelineView(timeline)),
    table("qphh-streams", qphhText.QPHH_STREAM_COLUMNS, qphhText.streamRows(model)),
  );
}
