/**
 * The lifecycle section of the Markdown and HTML reports, present only when the model has one
 * (workload lifecycle): per target the degradation rate with its interval, recovery after
 * maintenance, storage amplification, change and maintenance seconds, time travel and answers;
 * then the verdict per pair of variants, the charts, the queries' seconds per pass and the
 * storage per round.
 */
import { escapeHtml as e, escapeMarkdownCell as cell } from "./escape";
import { bytes, percent, seconds } from "./format";
import { changeTimesChart, degradationChart, lifecycleStorageChart, lifecycleTargets, maintenanceRecoveryChart } from "./lifecycleCharts";
import type { LifecycleSummary } from "./lifecycleSummary";
import * as text from "./lifecycleText";
import type { ReportModel } from "./model";
import { renderBarChart } from "./svgChart";
import { renderXyChart } from "./svgLineChart";

export const LIFECYCLE_TITLE = "Lifecycle: rounds of change, read degradation, maintenance, time travel";
const NOTE =
  "Each round applies one TPC-H refresh pair (RF1, RF2) and one upsert (MERGE INTO lineitem of ~0.1 % of its rows, spread over the table: an extension of TPC-H) to a per-run copy, then runs the queries once each. " +
  "Degradation rate: LST-Bench's mean over rounds of (Mᵢ − Mᵢ₋₁)/Mᵢ₋₁ of the queries' total seconds, with a 95 % t-interval from the rounds' spread. Recovery: the total after maintenance over round 0's. Amplification: bytes on disk over live data bytes of orders and lineitem.";

const SUMMARY_COLUMNS = ["target", "rounds", "degradation rate / round (95 % CI)", "recovery", "amplification after rounds → after maintenance", "change s", "maintenance s", "time travel to round 0", "earlier versions after maintenance", "answers correct"];
const STORAGE_COLUMNS = ["target", "after", "live data", "dead bytes", "delete files", "versions", "amplification"];

const lifecycles = (model: ReportModel): [string, string, LifecycleSummary][] => lifecycleTargets(model).map(([t, s]) => [t.id, t.label, s]);

/** The section's charts, written beside report.md by the report phase when the model has a lifecycle. */
export const LIFECYCLE_CHART_FILES = {
  degradation: "lifecycle-degradation.svg",
  storage: "lifecycle-storage.svg",
  changes: "lifecycle-changes.svg",
  maintenance: "lifecycle-maintenance.svg",
};

const CHARTS: [keyof typeof LIFECYCLE_CHART_FILES, string, (model: ReportModel) => string][] = [
  ["degradation", "Queries' total time per pass", (m) => renderXyChart(degradationChart(m))],
  ["storage", "Storage per round: live data and dead bytes", (m) => renderBarChart(lifecycleStorageChart(m))],
  ["changes", "Change operations per round", (m) => renderBarChart(changeTimesChart(m))],
  ["maintenance", "Maintenance cost against recovery", (m) => renderXyChart(maintenanceRecoveryChart(m))],
];

/** The SVG files of the section by name; none for a model without a lifecycle. */
export function lifecycleChartFiles(model: ReportModel): Record<string, string> {
  if (!lifecycles(model).length) return {};
  return Object.fromEntries(CHARTS.map(([key, , render]) => [LIFECYCLE_CHART_FILES[key], render(model)]));
}

const rate = (s: LifecycleSummary): string => {
  const d = s.summary.degradation;
  if (!d) return "–";
  return d.interval ? `${percent(d.rate)} (${percent(d.interval.low)} … ${percent(d.interval.high)})` : `${percent(d.rate)} (one round: no interval)`;
};
const timeTravel = (s: LifecycleSummary): string =>
  !s.timeTravel.supported ? `unsupported${s.timeTravel.error ? `: ${s.timeTravel.error}` : ""}` : s.timeTravel.matchesRoundZero ? `✓ equals round 0 (${seconds(s.timeTravel.seconds)})` : "✗ differs from round 0";

/** Which earlier rounds still read after maintenance, and whether a read gave the round's rows. */
function earlierVersions(s: LifecycleSummary): string {
  const versions = s.maintenance.readable;
  if (versions.length === 0) return "–";
  const readable = versions.filter((v) => v.readable);
  const wrong = readable.filter((v) => v.rowsOk === false).map((v) => `round ${v.round}: ${v.rows ?? "?"} rows, expected ${v.expectedRows ?? "?"}`);
  const count = `${readable.length} of ${versions.length} readable`;
  return wrong.length ? `${count}; ✗ read as other rows without an error (${wrong.join("; ")})` : readable.length ? count : `${count} (expired, the format's error recorded)`;
}

function summaryRows(model: ReportModel): string[][] {
  return lifecycles(model).map(([, label, s]) => [
    label,
    text.roundsText(s),
    rate(s),
    s.summary.recovery === null ? "–" : `${s.summary.recovery.toFixed(2)}×`,
    `${s.summary.amplificationAfterRounds.toFixed(2)} → ${s.summary.amplificationAfterMaintenance.toFixed(2)}`,
    seconds(s.summary.changeSeconds, 1),
    seconds(s.summary.maintenanceSeconds, 1),
    timeTravel(s),
    earlierVersions(s),
    `${s.totals.passed}/${s.totals.checked}${s.totals.failed.length ? `, ${s.totals.failed.length} failed` : ""}`,
  ]);
}

/** One column per pass, in the order they ran. */
function passColumns(model: ReportModel): string[] {
  const first = lifecycles(model)[0]?.[2];
  return ["target", ...(first?.passes.map((p) => p.pass) ?? [])];
}

function passRows(model: ReportModel): string[][] {
  return lifecycles(model).map(([, label, s]) => [label, ...s.passes.map((p) => seconds(p.sumSeconds, 2))]);
}

function storageRows(model: ReportModel): string[][] {
  return lifecycles(model).flatMap(([, label, s]) =>
    s.storage.map((p) => [label, p.after === "maintenance" ? "maintenance" : `round ${p.round}`, bytes(p.liveBytes), bytes(p.deadBytes), String(p.deleteFiles), p.versions === null ? "–" : String(p.versions), p.amplification.toFixed(2)]),
  );
}

function problemLines(model: ReportModel): string[] {
  return lifecycles(model).flatMap(([, label, s]) => [
    ...s.totals.mismatched.map((q) => `${label}: wrong answer in ${q}`),
    ...s.totals.failed.map((q) => `${label}: ${q} failed`),
    ...s.totals.countMismatches.map((c) => `${label}: ${c}`),
  ]);
}

const mdRow = (values: unknown[]) => `| ${values.map(cell).join(" | ")} |`;
const mdTable = (head: string[], rows: string[][]) => [mdRow(head), mdRow(head.map(() => "---")), ...rows.map(mdRow)];

function verdictMarkdown(model: ReportModel): string[] {
  const verdict = text.verdictOfLifecycle(model);
  const body = verdict
    ? [...(verdict.pairs.length ? mdTable(text.VERDICT_COLUMNS, text.verdictRows(verdict)) : []), ...text.skippedLines(verdict).map((l) => `\n- ${cell(l)}`)]
    : [`_${cell(text.NO_PAIRS)}_`];
  return [`### ${text.VERDICT_TITLE}`, "", cell(text.VERDICT_NOTE), "", ...body, ""];
}

function verdictHtml(model: ReportModel): string {
  const verdict = text.verdictOfLifecycle(model);
  if (!verdict) return `<h3>${e(text.VERDICT_TITLE)}</h3>\n<p class="muted">${e(text.NO_PAIRS)}</p>`;
  const sentences = verdict.pairs.map((p) => `<p>${e(text.verdictSentence(p))}</p>`).join("");
  const skipped = text.skippedLines(verdict).map((l) => `<p class="muted">${e(l)}</p>`).join("");
  return `<h3>${e(text.VERDICT_TITLE)}</h3>
<p class="muted">${e(text.VERDICT_NOTE)}</p>
${sentences}${verdict.pairs.length ? htmlTable(text.VERDICT_COLUMNS, text.verdictRows(verdict)) : ""}${skipped}`;
}

export function lifecycleMarkdown(model: ReportModel): string[] {
  if (!lifecycles(model).length) return [];
  return [
    `## ${LIFECYCLE_TITLE}`,
    "",
    cell(NOTE),
    "",
    ...mdTable(SUMMARY_COLUMNS, summaryRows(model)),
    ...problemLines(model).map((p) => `\n- ❌ ${cell(p)}`),
    "",
    ...verdictMarkdown(model),
    ...CHARTS.flatMap(([key, title]) => [`![${title}](${LIFECYCLE_CHART_FILES[key]})`, ""]),
    "### Queries' total seconds per pass",
    "",
    ...mdTable(passColumns(model), passRows(model)),
    "",
    "### Storage of orders and lineitem per round",
    "",
    ...mdTable(STORAGE_COLUMNS, storageRows(model)),
    "",
  ];
}

const htmlTable = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;

export function lifecycleHtml(model: ReportModel): string {
  if (!lifecycles(model).length) return "";
  const problems = problemLines(model);
  return `
<h2>${e(LIFECYCLE_TITLE)}</h2>
<p class="muted">${e(NOTE)}</p>
${htmlTable(SUMMARY_COLUMNS, summaryRows(model))}
${problems.length ? `<ul>${problems.map((p) => `<li class="bad">${e(p)}</li>`).join("")}</ul>` : ""}
${verdictHtml(model)}
${CHARTS.map(([, title, render]) => `<h3>${e(title)}</h3>\n<div class="chart">${render(model)}</div>`).join("\n")}
<h3>Queries' total seconds per pass</h3>
${htmlTable(passColumns(model), passRows(model))}
<h3>Storage of orders and lineitem per round</h3>
${htmlTable(STORAGE_COLUMNS, storageRows(model))}`;
}
