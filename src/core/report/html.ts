/** The self-contained HTML report: inline CSS and SVG, no script, every value escaped. */
import type { Standing } from "../metrics/ranking";
import type { TargetId } from "../phase/targets";
import { queryTimesChart, loadTimesChart, storageChart } from "./charts";
import { escapeHtml as e } from "./escape";
import { bytes, percent, seconds } from "./format";
import { answerSummary } from "./markdown";
import type { ReportModel } from "./model";
import { lifecycleHtml } from "./lifecycleSection";
import { qphhHtml } from "./qphhSection";
import { reusedFigures } from "./reuse";
import * as settingsText from "./settingsText";
import { renderBarChart } from "./svgChart";
import {
  hasPlanning,
  intervalSourceText,
  methodParagraphs,
  NO_PLANNING,
  NO_VERDICT,
  PLANNING_NOTE,
  planningText,
  planningTotals,
  RANKING_COLUMNS,
  rankingRows,
  RANKINGS,
  rankingSentence,
  rankingTitle,
  spreadMarker,
  timedRunsPhrase,
  verdictOf,
  warmupLine,
} from "./verdictText";

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #656d76; --line: #d0d7de; --bad: #cf222e; --good: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #8d96a0; --line: #30363d; --bad: #f85149; --good: #3fb950; } }
body { font: 14px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 1200px; padding: 0 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.muted { color: var(--muted); } .bad { color: var(--bad); } .good { color: var(--good); }
.chart { overflow-x: auto; }
.method p { margin: 0.25rem 0; }
`;

/** A cell is text, or text with a class (good/bad) for the answer column. */
type Cell = string | { text: string; className: string };
const td = (cell: Cell) => (typeof cell === "string" ? `<td>${e(cell)}</td>` : `<td class="${e(cell.className)}">${e(cell.text)}</td>`);
const table = (head: string[], rows: Cell[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(td).join("")}</tr>`).join("")}</tbody></table>`;

export function renderHtml(model: ReportModel): string {
  const targets = model.targets;
  const labels = targets.map((t) => t.label);
  const tables = Object.keys(model.bronze?.tables ?? {});
  const verdict = model.problems.length
    ? `<ul>${model.problems.map((p) => `<li class="bad">${e(p)}</li>`).join("")}</ul>`
    : `<p class="good">Every query answered on every format, and every answer matches ${e(model.oracle)}.</p>`;
  const totalsRows = targets.map((t) => {
    const load = model.load[t.id];
    const totals = model.totals[t.id];
    return [t.label, seconds(load?.seconds, 1), bytes(load?.dataBytes), bytes(load?.metadataBytes), String(load?.dataFiles ?? "–"), seconds(totals?.sumOfMedians), seconds(totals?.geometricMeanOfMedians), totals ? `${totals.passed}/${model.queries.length}` : "–"];
  });
  const queryRows = model.queries.map((q): Cell[] => {
    const answer = answerSummary(model, q.name);
    const spread = spreadMarker(q.spread);
    return [q.name, ...targets.map((t) => queryCell(model, q.name, t.id)), { text: answer.text, className: answer.ok ? "good" : "bad" }, q.spread && q.spread.status !== "ok" ? { text: spread, className: "bad" } : spread];
  });
  const loadRows = tables.map((t) => [t, String(model.bronze.tables[t].rows), ...targets.map((target) => seconds(model.load[target.id]?.tables[t]?.seconds, 2))]);
  const storageRows = tables.map((t) => [t, bytes(model.bronze.tables[t].bytes), ...targets.map((target) => {
    const s = model.load[target.id]?.tables[t];
    return s ? `${bytes(s.data_bytes)} + ${bytes(s.metadata_bytes)}` : "–";
  })]);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lakehouse Bench ${e(model.benchmarkId)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Lakehouse Bench report</h1>
<p class="muted">${e(model.benchmarkId)} · ${e(model.createdAt)} · TPC-H SF ${e(model.scaleFactor)} · ${e(timedRunsPhrase(model))} · answers checked against ${e(model.oracle)}</p>
${model.concurrentTimings ? `<p class="bad"><strong>Timings were taken concurrently</strong>: formats shared the machine while being measured.</p>` : ""}
${reusedFigures(model).map((line) => `<p class="muted"><strong>Figures from an earlier run</strong> — ${e(line)}.</p>`).join("\n")}
<h2>Verdict</h2>
${verdict}
${verdictSection(model)}
<h2>Totals</h2>
${table(["format", "load time", "data", "metadata", "files", "Σ median query time", "geometric mean", "answers correct"], totalsRows)}${qphhHtml(model)}${lifecycleHtml(model)}
<h2>Query times</h2>
<div class="chart">${renderBarChart(queryTimesChart(model))}</div>
${table(["query", ...labels.map((label) => `${label} median (CV)`), "answers", "spread"], queryRows)}
<h2>Where the time goes (median planning + execution seconds)</h2>
${planningSection(model)}
<h2>Load time per table</h2>
<div class="chart">${renderBarChart(loadTimesChart(model))}</div>
${table(["table", "bronze rows", ...labels], loadRows)}
${warmupLine(model) ? `<p class="muted">${e(warmupLine(model))}</p>` : ""}
<h2>Storage per table (data + metadata)</h2>
<div class="chart">${renderBarChart(storageChart(model))}</div>
${table(["table", "bronze Parquet", ...labels], storageRows)}
${settingsSection(model)}
<h2>Versions and machine</h2>
${table(["component", "version"], Object.entries(model.versions).map(([k, v]) => [k, String(v)]))}
${table(["machine", "value"], Object.entries(model.machine).map(([k, v]) => [k, String(v)]))}
<h2>Configuration</h2>
${table(["key", "value"], Object.entries(model.config).map(([k, v]) => [k, String(v)]))}
</body>
</html>
`;
}

const STANDING_CLASS: Partial<Record<Standing, string>> = { best: "good", behind: "bad" };

/** The three rankings, each a sentence and a table, then how they were computed. */
function verdictSection(model: ReportModel): string {
  const verdict = verdictOf(model);
  if (!verdict) return `<p class="muted">${e(NO_VERDICT)}</p>`;
  const rankings = RANKINGS.map((key) => {
    const ranking = verdict[key];
    // The standing (last cell) is coloured: the best good, a format clearly behind bad.
    const rows = rankingRows(ranking).map((cells, i): Cell[] => {
      const className = STANDING_CLASS[ranking.formats[i].standing];
      return className ? [...cells.slice(0, -1), { text: cells.at(-1)!, className }] : cells;
    });
    return `<h3>${e(rankingTitle(ranking))}</h3>\n<p>${e(rankingSentence(ranking))}</p>\n${table(RANKING_COLUMNS, rows)}\n<p class="muted">${e(intervalSourceText(ranking))}</p>`;
  });
  return `${rankings.join("\n")}\n<h3>How the verdict was computed</h3>\n<div class="method muted">${methodParagraphs(verdict).map((p) => `<p>${e(p)}</p>`).join("")}</div>`;
}

/** What every format's session shared and what each set of its own; absent in older reports. */
function settingsSection(model: ReportModel): string {
  if (!model.settings) return "";
  const perFormat = settingsText.formatsWithSettings(model).map(([f, settings]) =>
    `<h3>${e(settingsText.formatSettingsTitle(f))}</h3>\n${settings.length ? table(settingsText.FORMAT_SETTINGS_COLUMNS, settingsText.formatSettingRows(settings)) : `<p class="muted">${e(settingsText.NO_FORMAT_SETTINGS)}</p>`}`);
  return `<h2>${e(settingsText.SETTINGS_TITLE)}</h2>
<p class="muted">${e(settingsText.SETTINGS_NOTE)}</p>
<h3>${e(settingsText.COMMON_SETTINGS_TITLE)}</h3>
${table(settingsText.COMMON_SETTINGS_COLUMNS, settingsText.commonSettingRows(model.settings.common))}
${perFormat.join("\n")}`;
}

function planningSection(model: ReportModel): string {
  if (!hasPlanning(model)) return `<p class="muted">${e(NO_PLANNING)}</p>`;
  const totals = model.targets.map((target) => {
    const t = planningTotals(model, target.id);
    return t ? `${t.planning.toFixed(3)} + ${t.execution.toFixed(3)} s` : "–";
  });
  return `<p class="muted">${e(PLANNING_NOTE)}</p>
${table(["query", ...model.targets.map((t) => t.label)], [...model.queries.map((q) => [q.name, ...model.targets.map((t) => planningText(q.byTarget[t.id]))]), ["Σ of medians", ...totals]])}`;
}

function queryCell(model: ReportModel, name: string, target: TargetId): string {
  const query = model.queries.find((q) => q.name === name)?.byTarget[target];
  if (!query) return "–";
  if (query.status === "failed") return `failed: ${query.error ?? ""}`;
  return `${query.statistics?.median.toFixed(3) ?? "–"} s (${percent(query.statistics?.cv)})`;
}
