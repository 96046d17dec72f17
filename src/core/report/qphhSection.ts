/**
 * The power and throughput test's section of the Markdown and HTML reports, present only
 * when the model has one (workload tpch-qphh): a report of tpch-read is unchanged.
 */
import { qphhChart, refreshTimesChart } from "./charts";
import { escapeHtml as e, escapeMarkdownCell as cell } from "./escape";
import type { ReportModel } from "./model";
import * as text from "./qphhText";
import { renderTimeline, streamTimeline } from "./streamTimeline";
import { renderBarChart } from "./svgChart";

/** The section's charts, written beside report.md by the report phase when the model has a test. */
export const QPHH_CHART_FILES = { qphh: "qphh.svg", refresh: "refresh-times.svg", timeline: "stream-timeline.svg" };

/** The SVG files of the section by name; none for a model without a power and throughput test. */
export function qphhChartFiles(model: ReportModel): Record<string, string> {
  if (!text.qphhTargets(model).length) return {};
  return {
    [QPHH_CHART_FILES.qphh]: renderBarChart(qphhChart(model)),
    [QPHH_CHART_FILES.refresh]: renderBarChart(refreshTimesChart(model)),
    [QPHH_CHART_FILES.timeline]: renderTimeline(streamTimeline(model)),
  };
}

const mdRow = (values: unknown[]) => `| ${values.map(cell).join(" | ")} |`;
const mdTable = (head: string[], rows: string[][]) => [mdRow(head), mdRow(head.map(() => "---")), ...rows.map(mdRow)];

export function qphhMarkdown(model: ReportModel): string[] {
  if (!text.qphhTargets(model).length) return [];
  const problems = text.qphhProblemLines(model);
  return [
    `## ${text.QPHH_TITLE}`,
    "",
    `> **${cell(text.qphhLabel(model))}**`,
    "",
    cell(text.QPHH_NOTE),
    "",
    `![QphH@Size](${QPHH_CHART_FILES.qphh})`,
    "",
    ...mdTable(text.QPHH_COLUMNS, text.qphhRows(model)),
    ...problems.map((p) => `\n- ❌ ${cell(p)}`),
    "",
    `![Refresh functions](${QPHH_CHART_FILES.refresh})`,
    "",
    `### ${text.QPHH_STORAGE_TITLE}`,
    "",
    ...mdTable(text.QPHH_STORAGE_COLUMNS, text.storageRows(model)),
    "",
    `### ${text.QPHH_POWER_TITLE}`,
    "",
    ...mdTable(text.powerColumns(model), text.powerRows(model)),
    "",
    `### ${text.QPHH_STREAMS_TITLE}`,
    "",
    `![Stream timeline](${QPHH_CHART_FILES.timeline})`,
    "",
    ...mdTable(text.QPHH_STREAM_COLUMNS, text.streamRows(model)),
    "",
  ];
}

const htmlTable = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;

export function qphhHtml(model: ReportModel): string {
  if (!text.qphhTargets(model).length) return "";
  const problems = text.qphhProblemLines(model);
  // Leading newline: the caller puts the section right after a table, adding nothing without one.
  return `
<h2>${e(text.QPHH_TITLE)}</h2>
<p class="label"><strong>${e(text.qphhLabel(model))}</strong></p>
<p class="muted">${e(text.QPHH_NOTE)}</p>
<div class="chart">${renderBarChart(qphhChart(model))}</div>
${htmlTable(text.QPHH_COLUMNS, text.qphhRows(model))}
${problems.length ? `<ul>${problems.map((p) => `<li class="bad">${e(p)}</li>`).join("")}</ul>` : ""}
<div class="chart">${renderBarChart(refreshTimesChart(model))}</div>
<h3>${e(text.QPHH_STORAGE_TITLE)}</h3>
${htmlTable(text.QPHH_STORAGE_COLUMNS, text.storageRows(model))}
<h3>${e(text.QPHH_POWER_TITLE)}</h3>
${htmlTable(text.powerColumns(model), text.powerRows(model))}
<h3>${e(text.QPHH_STREAMS_TITLE)}</h3>
<div class="chart">${renderTimeline(streamTimeline(model))}</div>
${htmlTable(text.QPHH_STREAM_COLUMNS, text.streamRows(model))}`;
}
