/**
 * The report page: run picker, headline cards, charts, answers, every figure in grids,
 * versions. It renders what the host sends and recolours the charts on a theme change.
 */
import type { HostMessage, ReportFile, RunChoice, RunSelection } from "../../src/shared/protocol";
import { BarChartView } from "../charts/barChartView";
import { LineChartView } from "../charts/lineChartView";
import { loadTimeChart, queryTimeChart, storageChart, totalsChart, type BarChartData } from "../model/chartData";
import { answerTable, comparisonTable, environmentTable, loadFigures, queryFigures, totalsFigures } from "../model/figureTables";
import { roles, type ReportPair } from "../model/reportPair";
import { readChartTheme } from "../theme/chartTheme";
import { reusedFigures, warmupLine } from "../../src/core/view";
import { verdictViews } from "../model/verdictTables";
import { qphhChart, refreshTimesChart } from "../model/qphhCharts";
import { changeTimesChart, degradationChart, lifecycleStorageChart, maintenanceChart, type LineChartData } from "../model/lifecycleCharts";
import { lifecycleSection } from "./lifecycleSection";
import { h, replaceChildren } from "./dom";
import { figureGrid } from "./figureGrid";
import { runLabel, runPicker } from "./runPicker";
import { qphhSection } from "./qphhSection";
import { settingsSection } from "./settingsSection";
import { summaryCards } from "./summaryCards";
import { verdictSection } from "./verdictSection";

export interface ReportViewEvents {
  select(selection: RunSelection): void;
  openFile(benchmarkId: string, file: ReportFile): void;
}

type ChartData = BarChartData | LineChartData;

export class ReportView {
  private runs: RunChoice[] = [];
  private charts: (BarChartView | LineChartView)[] = [];

  constructor(private readonly root: HTMLElement, private readonly events: ReportViewEvents) {}

  handle(message: HostMessage): void {
    switch (message.type) {
      case "runs":
        this.runs = message.runs;
        break;
      case "report":
        this.render(message.selection, { primary: message.primary, compare: message.compare });
        break;
      case "empty":
        this.clear();
        replaceChildren(this.root, h("div", { class: "placeholder" }, h("h1", {}, "No report yet"), h("p", {}, message.reason)));
        break;
      case "error":
        this.clear();
        replaceChildren(this.root, h("div", { class: "placeholder error", role: "alert" }, h("h1", {}, "The report could not be shown"), h("p", {}, message.message)));
        break;
    }
  }

  themeChanged(): void {
    const theme = readChartTheme();
    this.charts.forEach((chart) => chart.applyTheme(theme));
    this.markPalette(theme.kind);
  }

  private clear(): void {
    this.charts.forEach((chart) => chart.destroy());
    this.charts = [];
  }

  private render(selection: RunSelection, pair: ReportPair): void {
    this.clear();
    const { primary, compare } = pair;
    const theme = readChartTheme();
    const chartSlots: [HTMLCanvasElement, ChartData][] = [];
    const chart = (data: ChartData, wide = false) => {
      const canvas = h("canvas", { role: "img", "aria-label": `${data.title}. ${data.subtitle}` });
      chartSlots.push([canvas, data]);
      // data-series on a line chart: how many lines it draws, for tests that cannot read chart.js (bar charts keep their markup).
      return h(
        "figure",
        { class: `chart${wide ? " wide" : ""}`, "data-chart": data.id, "data-series": "kind" in data ? data.series.length : undefined },
        h("figcaption", {}, h("strong", {}, data.title), h("span", {}, data.subtitle)),
        h("div", { class: "canvas-box" }, canvas),
      );
    };
    const comparison = comparisonTable(pair);
    const choice = (id?: string) => this.runs.find((r) => r.benchmarkId === id);
    replaceChildren(
      this.root,
      h(
        "header",
        {},
        h("h1", {}, "Lakehouse Bench report"),
        h("p", { class: "meta" }, describeRun(primary), compare ? h("span", { class: "vs" }, ` compared with run B: ${choice(selection.compare) ? runLabel(choice(selection.compare)!) : compare.benchmarkId}`) : null),
        h(
          "div",
          { class: "toolbar" },
          this.runs.length ? runPicker(this.runs, selection, (s) => this.events.select(s)) : null,
          h("div", { class: "buttons" }, button("Open Markdown", () => this.events.openFile(primary.benchmarkId, "markdown")), button("Open summary.json", () => this.events.openFile(primary.benchmarkId, "summary"))),
        ),
      ),
      problems(pair),
      reuseNotes(pair),
      summaryCards(pair),
      verdictSection(verdictViews(pair), Boolean(compare)),
      h("section", { class: "charts" }, chart(queryTimeChart(pair), true), chart(totalsChart(pair, "sum")), chart(totalsChart(pair, "geomean")), chart(loadTimeChart(pair)), chart(storageChart(pair))),
      qphhSection(primary, [qphhChart(pair), refreshTimesChart(pair)], (data) => chart(data)),
      lifecycleSection(pair, [degradationChart(pair), lifecycleStorageChart(pair), changeTimesChart(pair), maintenanceChart(pair)], (data) => chart(data, data.id === "lifecycle-degradation")),
      comparison ? figureGrid(comparison) : null,
      answersVerdict(pair),
      figureGrid(answerTable(pair)),
      h("h2", {}, "All figures"),
      figureGrid(totalsFigures(pair)),
      figureGrid(queryFigures(pair)),
      figureGrid(loadFigures(pair)),
      loadWarmupNote(pair),
      settingsSection(primary),
      figureGrid(environmentTable(pair)),
    );
    this.charts = chartSlots.map(([canvas, data]) => ("kind" in data ? new LineChartView(canvas, data, theme) : new BarChartView(canvas, data, theme)));
    this.markPalette(theme.kind);
    this.root.dataset.rendered = primary.benchmarkId;
  }

  /** Exposes the theme and colours in use (the e2e test checks that a theme change reaches the charts). */
  private markPalette(kind: string): void {
    this.root.dataset.theme = kind;
    this.root.dataset.palette = [...new Set(this.charts.flatMap((c) => c.palette()))].join(" ");
  }
}

function describeRun(model: ReportPair["primary"]): string {
  const runs = `${model.iterations} timed run${model.iterations === 1 ? "" : "s"} per query after ${model.warmupRuns} warm-up`;
  return `Run ${model.benchmarkId} · SF ${model.scaleFactor} · ${model.targets.map((t) => t.label).join(", ")} · ${runs} · answers checked against ${model.oracle}`;
}

function problems(pair: ReportPair): HTMLElement | null {
  const list = [...pair.primary.problems.map((p) => `A: ${p}`), ...(pair.compare?.problems ?? []).map((p) => `B: ${p}`)];
  if (pair.primary.concurrentTimings || pair.compare?.concurrentTimings) list.push("Formats were timed side by side on shared resources: compare their times with care.");
  if (!list.length) return null;
  return h("section", { class: "problems", role: "alert" }, h("h2", {}, h("span", { class: "codicon codicon-warning", "aria-hidden": "true" }), " Problems"), h("ul", {}, ...list.map((p) => h("li", {}, p))));
}

/** Figures a run took over from an earlier one: not a problem, but not a fresh measurement either. */
function reuseNotes(pair: ReportPair): HTMLElement | null {
  const list = roles(pair).flatMap(({ role, model }) => reusedFigures(model).map((line) => (pair.compare ? `${role}: ${line}` : line)));
  if (!list.length) return null;
  return h("section", { class: "notes" }, h("h2", {}, h("span", { class: "codicon codicon-info", "aria-hidden": "true" }), " Figures from an earlier run"), h("ul", {}, ...list.map((p) => h("li", {}, p))));
}

/** The silver sessions' start-up warm-up: measured, but charged to no table. */
function loadWarmupNote(pair: ReportPair): HTMLElement | null {
  const list = roles(pair).flatMap(({ role, model }) => {
    const line = warmupLine(model);
    return line ? [pair.compare ? `Run ${role}: ${line}` : line] : [];
  });
  return list.length ? h("div", { class: "load-note", "data-note": "load-warmup" }, ...list.map((line) => h("p", {}, line))) : null;
}

/** One line above the answer grid: all good, or how many answers are wrong or unchecked. */
function answersVerdict(pair: ReportPair): HTMLElement {
  const cells = roles(pair).flatMap(({ model }) => model.queries.flatMap((q) => Object.values(q.byTarget)));
  const matched = cells.filter((c) => c?.status === "completed" && c.answer.status === "match").length;
  const disagree = roles(pair).some(({ model }) => model.queries.some((q) => !q.sameAcrossFormats));
  const good = matched === cells.length && !disagree;
  const text = good
    ? `All ${cells.length} answers match ${pair.primary.oracle} and agree across formats.`
    : `${matched} of ${cells.length} answers match ${pair.primary.oracle}${disagree ? "; formats disagree on some queries" : ""}.`;
  return h("p", { class: `verdict ${good ? "tone-good" : "tone-bad"}` }, h("span", { class: `codicon codicon-${good ? "pass" : "error"}`, "aria-hidden": "true" }), " ", text);
}

function button(label: string, onClick: () => void): HTMLElement {
  const element = h("vscode-button", { secondary: true });
  element.textContent = label;
  element.addEventListener("click", onClick);
  return element;
}
