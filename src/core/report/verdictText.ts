/**
 * The verdict in words and table cells, shared by the Markdown, HTML and panel renderings so
 * that all three say the same thing. Plain strings: each renderer escapes them.
 */
import type { TargetId } from "../phase/targets";
import { SPREAD_TOO_WIDE, type QuerySpread } from "../metrics/querySpread";
import type { RankedFormat, Ranking } from "../metrics/ranking";
import { computeVerdict, type Verdict } from "../metrics/verdict";
import { bytes, seconds } from "./format";
import type { QueryCell, ReportModel } from "./model";

export const NO_VERDICT = "No verdict in this older report: it was written before reports kept the timed runs the verdict resamples.";

/** The model's verdict; recomputed when a report kept the runs but not the verdict; else undefined. */
export function verdictOf(model: ReportModel): Verdict | undefined {
  if (model.verdict) return model.verdict;
  const hasRuns = model.queries.some((q) => Object.values(q.byTarget).some((c) => c?.seconds?.length));
  return hasRuns ? computeVerdict(model) : undefined;
}

export const RANKINGS = ["queries", "load", "storage"] as const;

const TITLES = { queries: "Query time", load: "Load time", storage: "Storage" };
const BEST = { queries: "fastest", load: "fastest", storage: "smallest" };
const NOUNS = { queries: "query time", load: "load time", storage: "size" };
const BEHIND = { queries: "slower", load: "slower", storage: "larger" };

export const rankingTitle = (ranking: Ranking) => `${TITLES[ranking.figure]}: ${ranking.statistic}, ${ranking.basis}`;

export const rankedValue = (ranking: Ranking, value: number) => (ranking.unit === "bytes" ? bytes(value) : seconds(value, 3));

export const ratioText = (format: RankedFormat) => `${format.ratio.toFixed(2)}×`;

export function intervalText(ranking: Ranking, format: RankedFormat): string {
  if (format.standing === "best") return "reference";
  if (format.interval) return `${format.interval.low.toFixed(2)}–${format.interval.high.toFixed(2)}×`;
  return ranking.intervalSource === "deterministic" ? "deterministic" : "no interval";
}

export function standingText(ranking: Ranking, format: RankedFormat): string {
  switch (format.standing) {
    case "best":
      // Not "fastest" when another format cannot be told apart from it.
      return ranking.formats.some((f) => f.standing === "within noise") ? "lowest, within noise" : BEST[ranking.figure];
    case "behind":
      return BEHIND[ranking.figure];
    case "within noise":
      return ranking.intervalSource === "tables" ? "within noise (across tables)" : "within noise";
    case "tied":
      return "same as the best";
    default:
      return "no interval";
  }
}

/** Where the ranking's interval comes from, in one phrase. */
export function intervalSourceText(ranking: Ranking): string {
  switch (ranking.intervalSource) {
    case "timed runs":
      return "95 % interval: bootstrap over the timed runs";
    case "tables":
      return "95 % interval: bootstrap over tables (each table loaded once, so this is the spread across tables, not run-to-run noise)";
    case "deterministic":
      return "deterministic: no interval";
    default:
      return `no interval: ${ranking.noInterval ?? "too little data"}`;
  }
}

/** One sentence (the heading names the figure): the best format, then each other one's ratio, interval and standing. */
export function rankingSentence(ranking: Ranking): string {
  const [best, ...others] = ranking.formats;
  if (!best) return `No format to rank: ${ranking.noInterval ?? "no figures"}.`;
  const rest = others.map((f) => {
    const interval = f.interval ? ` (95 % interval ${intervalText(ranking, f)})` : "";
    return `${f.label} ${ratioText(f)}${interval}, ${standingText(ranking, f)}`;
  });
  const excluded = ranking.excluded.map((e) => `${e.label} not ranked: ${e.reason}`);
  const close = others.filter((f) => f.standing === "within noise").map((f) => f.label);
  const value = rankedValue(ranking, best.value);
  const lead = close.length
    ? `${best.label} has the lowest ${NOUNS[ranking.figure]} (${value}) but cannot be told apart from ${close.join(", ")}`
    : `${best.label} is ${BEST[ranking.figure]} at ${value}`;
  return `${lead}${rest.length ? `; ${rest.join("; ")}` : ""}.${excluded.length ? ` ${excluded.join("; ")}.` : ""}`;
}

export const RANKING_COLUMNS = ["rank", "format", "value", "ratio to best", "95 % interval", "standing"];

export function rankingRows(ranking: Ranking): string[][] {
  return ranking.formats.map((f) => [String(f.rank), f.label, rankedValue(ranking, f.value), ratioText(f), intervalText(ranking, f), standingText(ranking, f)]);
}

/** How the verdict was computed, as short paragraphs. */
export function methodParagraphs(verdict: Verdict): string[] {
  const { method } = verdict;
  return [
    method.queries,
    method.load,
    method.storage,
    `Intervals are ${method.confidence * 100} % percentile intervals from ${method.resamples} resamples with a seeded random source (${method.random}, seed ${method.seed}), so the same figures always give the same verdict. "Within noise" means the interval of the ratio includes 1: that format cannot be told apart from the best.`,
    `A query's spread is too wide to rank when two formats' intervals of the median overlap and one of them reaches further than ±${SPREAD_TOO_WIDE * 100} % from its median (or an automatic run count hit its cap); fewer than 3 timed runs are too few to judge. The interval of a median is distribution-free, from order statistics: 95 % from 6 timed runs on; with 3 to 5 runs it is their min–max, which holds the median less often (3 runs: 75 %).`,
    ...verdict.caveats,
  ];
}

/** The marker a per-query table shows; empty when the runs rank the formats. */
export function spreadMarker(spread: QuerySpread | undefined): string {
  if (!spread) return "–";
  return spread.status === "ok" ? "ok" : spread.status === "too wide" ? "spread too wide to rank" : "too few runs to rank";
}

export const PLANNING_NOTE =
  "Planning is parsing, analysis, optimisation and the format's metadata and log reads; execution is the rest of each timed run (its seconds minus its planning).";
export const NO_PLANNING = "Planning was not recorded apart from execution in this report.";

/** "0.120 + 1.114 s (10 % planning)": a query's median planning and execution on one format. */
export function planningText(cell: QueryCell | undefined): string {
  if (cell?.planningMedian === undefined || cell.executionMedian === undefined) return "–";
  const total = cell.planningMedian + cell.executionMedian;
  const share = total > 0 ? ` (${((cell.planningMedian / total) * 100).toFixed(0)} % planning)` : "";
  return `${cell.planningMedian.toFixed(3)} + ${cell.executionMedian.toFixed(3)} s${share}`;
}

/** Whether any query cell carries planning figures (older reports do not). */
export const hasPlanning = (model: ReportModel) => model.queries.some((q) => Object.values(q.byTarget).some((c) => c?.planningMedian !== undefined));

/** Σ of the per-query planning and execution medians of one target. */
export function planningTotals(model: ReportModel, target: TargetId): { planning: number; execution: number } | undefined {
  const cells = model.queries.flatMap((q) => {
    const c = q.byTarget[target];
    return c?.planningMedian !== undefined && c.executionMedian !== undefined ? [c] : [];
  });
  if (!cells.length) return undefined;
  return { planning: cells.reduce((s, c) => s + c.planningMedian!, 0), execution: cells.reduce((s, c) => s + c.executionMedian!, 0) };
}

/** The silver sessions' start-up warm-up, or undefined when the report has none. */
export function warmupLine(model: ReportModel): string | undefined {
  const parts = model.targets.flatMap((t) => (model.load[t.id]?.warmupSeconds === undefined ? [] : [`${t.label} ${seconds(model.load[t.id]!.warmupSeconds, 2)}`]));
  return parts.length ? `Spark start-up warm-up, not charged to any table: ${parts.join(", ")}.` : undefined;
}

/** How many timed runs each query had, in words. */
export function timedRunsPhrase(model: ReportModel): string {
  return model.iterationMode === "auto"
    ? `${model.warmupRuns} warm-up run${model.warmupRuns === 1 ? "" : "s"}, then timed runs repeated per query until the median's interval was narrow enough (up to a cap)`
    : `${model.warmupRuns} warm-up and ${model.iterations} timed runs per query`;
}
