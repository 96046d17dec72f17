/** The Markdown report: tables of every figure, charts as SVG files beside it. */
import type { TargetId } from "../phase/targets";
import { escapeMarkdownCell as cell } from "./escape";
import { bytes, percent, seconds } from "./format";
import type { ReportModel, ReportTarget } from "./model";
import { lifecycleMarkdown } from "./lifecycleSection";
import { qphhMarkdown } from "./qphhSection";
import { reusedFigures } from "./reuse";
import * as settingsText from "./settingsText";
import {
  hasPlanning,
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
  intervalSourceText,
  spreadMarker,
  timedRunsPhrase,
  verdictOf,
  warmupLine,
} from "./verdictText";

export const CHART_FILES = { queries: "query-times.svg", load: "load-times.svg", storage: "storage.svg" };

const row = (values: unknown[]) => `| ${values.map(cell).join(" | ")} |`;
const header = (names: string[]) => [row(names), row(names.map(() => "---"))];

export function renderMarkdown(model: ReportModel): string {
  const targets = model.targets;
  const lines: string[] = [
    `# Lakehouse Bench report ${cell(model.benchmarkId)}`,
    "",
    `TPC-H scale factor **${model.scaleFactor}**, formats ${targets.map((t) => t.label).join(", ")}; ${timedRunsPhrase(model)}; answers checked against ${cell(model.oracle)}.`,
    model.concurrentTimings ? "\n> **Timings were taken concurrently**: formats shared the machine while being measured." : "",
    ...reusedFigures(model).map((line) => `\n> **Figures from an earlier run** — ${cell(line)}.`),
    "",
    "## Verdict",
    "",
    ...(model.problems.length ? model.problems.map((p) => `- ❌ ${cell(p)}`) : ["- ✅ Every query answered on every format, and every answer matches DuckDB."]),
    "",
    ...verdictSection(model),
    "## Totals",
    "",
    ...header(["format", "load time", "data", "metadata", "files", "Σ median query time", "geometric mean", "answers correct"]),
    ...targets.map((t) => {
      const load = model.load[t.id];
      const totals = model.totals[t.id];
      return row([t.label, seconds(load?.seconds, 1), bytes(load?.dataBytes), bytes(load?.metadataBytes), load?.dataFiles ?? "–", seconds(totals?.sumOfMedians), seconds(totals?.geometricMeanOfMedians), totals ? `${totals.passed}/${model.queries.length}` : "–"]);
    }),
    "",
    ...qphhMarkdown(model),
    ...lifecycleMarkdown(model),
    "## Query times (median seconds; CV in brackets)",
    "",
    `![Query times](${CHART_FILES.queries})`,
    "",
    ...header(["query", ...labels(model), "answers", "spread"]),
    ...model.queries.map((q) => row([q.name, ...targets.map((t) => queryCell(model, q.name, t.id)), answerCell(model, q.name), spreadMarker(q.spread)])),
    "",
    "## Where the time goes (median planning + execution seconds)",
    "",
    ...planningSection(model),
    "",
    "## Load time per table (seconds)",
    "",
    `![Load times](${CHART_FILES.load})`,
    "",
    ...tableSection(model, (id, t) => seconds(model.load[id]?.tables[t]?.seconds, 2)),
    ...(warmupLine(model) ? ["", cell(warmupLine(model))] : []),
    "",
    "## Storage per table (data + metadata)",
    "",
    `![Storage](${CHART_FILES.storage})`,
    "",
    ...tableSection(model, (id, t) => {
      const table = model.load[id]?.tables[t];
      return table ? `${bytes(table.data_bytes)} + ${bytes(table.metadata_bytes)} (${table.data_files} files)` : "–";
    }),
    "",
    ...settingsSection(model),
    "## Versions and machine",
    "",
    ...header(["component", "version"]),
    ...Object.entries(model.versions).map(([k, v]) => row([k, v])),
    "",
    ...header(["machine", "value"]),
    ...Object.entries(model.machine).map(([k, v]) => row([k, v])),
    "",
    "## Configuration",
    "",
    ...header(["key", "value"]),
    ...Object.entries(model.config).map(([k, v]) => row([k, v])),
    "",
  ];
  return lines.join("\n");
}

/** The three rankings, each a sentence and a table, then how they were computed. */
function verdictSection(model: ReportModel): string[] {
  const verdict = verdictOf(model);
  if (!verdict) return [`_${NO_VERDICT}_`, ""];
  const rankings = RANKINGS.flatMap((key) => {
    const ranking = verdict[key];
    return [`### ${cell(rankingTitle(ranking))}`, "", cell(rankingSentence(ranking)), "", ...header(RANKING_COLUMNS), ...rankingRows(ranking).map(row), "", `_${cell(intervalSourceText(ranking))}_`, ""];
  });
  return [...rankings, "### How the verdict was computed", "", ...methodParagraphs(verdict).flatMap((p) => [cell(p), ""])];
}

/** What every format's session shared and what each set of its own; absent in older reports. */
function settingsSection(model: ReportModel): string[] {
  if (!model.settings) return [];
  const perFormat = settingsText.formatsWithSettings(model).flatMap(([f, settings]) => [
    `### ${cell(settingsText.formatSettingsTitle(f))}`,
    "",
    ...(settings.length ? [...header(settingsText.FORMAT_SETTINGS_COLUMNS), ...settingsText.formatSettingRows(settings).map(row)] : [`_${settingsText.NO_FORMAT_SETTINGS}_`]),
    "",
  ]);
  return [`## ${settingsText.SETTINGS_TITLE}`, "", settingsText.SETTINGS_NOTE, "", `### ${settingsText.COMMON_SETTINGS_TITLE}`, "", ...header(settingsText.COMMON_SETTINGS_COLUMNS), ...settingsText.commonSettingRows(model.settings.common).map(row), "", ...perFormat];
}

function planningSection(model: ReportModel): string[] {
  if (!hasPlanning(model)) return [NO_PLANNING];
  const totals = model.targets.map((target) => {
    const t = planningTotals(model, target.id);
    return t ? `${t.planning.toFixed(3)} + ${t.execution.toFixed(3)} s` : "–";
  });
  return [
    PLANNING_NOTE,
    "",
    ...header(["query", ...labels(model)]),
    ...model.queries.map((q) => row([q.name, ...model.targets.map((t) => planningText(q.byTarget[t.id]))])),
    row(["Σ of medians", ...totals]),
  ];
}

function queryCell(model: ReportModel, name: string, target: TargetId): string {
  const query = model.queries.find((q) => q.name === name)?.byTarget[target];
  if (!query) return "–";
  if (query.status === "failed") return `failed: ${query.error ?? ""}`;
  return `${query.statistics?.median.toFixed(3) ?? "–"} (${percent(query.statistics?.cv)})`;
}

/** The answer check of one query over all targets: ok, and what to show. */
export function answerSummary(model: ReportModel, name: string): { ok: boolean; text: string } {
  const query = model.queries.find((q) => q.name === name);
  if (!query) return { ok: false, text: "not run" };
  const wrong = model.targets.flatMap((t) => (query.byTarget[t.id] && query.byTarget[t.id]!.answer.status !== "match" ? [[t, query.byTarget[t.id]] as const] : []));
  if (wrong.length === 0 && query.sameAcrossFormats) return { ok: true, text: "all match" };
  const details = wrong.map(([t, c]) => `${t.label}: ${c?.answer.status === "match" ? "" : (c?.answer as { detail?: string }).detail ?? ""}`);
  return { ok: false, text: details.length ? details.join("; ") : "formats disagree" };
}

function answerCell(model: ReportModel, name: string): string {
  const { ok, text } = answerSummary(model, name);
  return `${ok ? "✅" : "❌"} ${text}`;
}

function tableSection(model: ReportModel, value: (target: TargetId, table: string) => string): string[] {
  const tables = Object.keys(model.bronze?.tables ?? {});
  return [...header(["table", "bronze rows", ...labels(model)]), ...tables.map((t) => row([t, model.bronze.tables[t].rows, ...model.targets.map((target) => value(target.id, t))]))];
}

/** The column heads of the per-target tables: each target's label, in the report's order. */
const labels = (model: ReportModel): string[] => model.targets.map((t: ReportTarget) => t.label);
