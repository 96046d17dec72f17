/**
 * Whether one query's timed runs are steady enough to rank the targets on it. Each target's
 * median gets its distribution-free interval (medianInterval.ts); a query is "too wide" when
 * two targets' intervals overlap and one of them reaches further than ±SPREAD_TOO_WIDE from
 * its median: more runs could separate them, so their order on this query is not known yet.
 */
import type { Interval } from "./bootstrap";
import type { MedianInterval } from "./medianInterval";
import type { TargetKey } from "./ranking";
import { MIN_RUNS_TO_JUDGE_NOISE } from "./statistics";

/**
 * Farthest an interval end may lie from the median, as a share of it, and still rank: the
 * same ±10 % QUERY_ITERATIONS=auto aims for by default (QUERY_TARGET_CI_WIDTH).
 */
export const SPREAD_TOO_WIDE = 0.1;

export type SpreadStatus = "ok" | "too wide" | "too few runs";

export interface QuerySpread {
  status: SpreadStatus;
  /** Which targets and intervals made the call. */
  detail: string;
}

export interface SpreadCell {
  target: TargetKey;
  /** What the detail calls the target ("Iceberg MOR"). */
  label: string;
  median: number;
  /** The median's interval; null with fewer than 2 runs. */
  interval: MedianInterval | null;
  runs: number;
  /** How an automatic run count ended: "cap" means the interval never got narrow enough. */
  stoppedBy?: "width" | "cap" | "fixed";
}

const relativeHalfWidth = (cell: SpreadCell) =>
  cell.interval && cell.median > 0 ? Math.max(cell.median - cell.interval.low, cell.interval.high - cell.median) / cell.median : Infinity;
const isWide = (cell: SpreadCell) => cell.stoppedBy === "cap" || relativeHalfWidth(cell) > SPREAD_TOO_WIDE;
const overlap = (a: Interval, b: Interval) => a.low <= b.high && b.low <= a.high;
const shown = (cell: SpreadCell) =>
  `${cell.label} ${cell.interval!.low.toFixed(3)}–${cell.interval!.high.toFixed(3)} s (±${(relativeHalfWidth(cell) * 100).toFixed(0)} % of its median${coverage(cell)}${cell.stoppedBy === "cap" ? ", run cap reached" : ""})`;
/** Below 6 runs the interval is [min, max], which covers the median less often than 95 %: say so. */
const coverage = (cell: SpreadCell) => (cell.interval && cell.interval.confidence < 0.95 ? `; min–max of ${cell.runs} runs, a ${(cell.interval.confidence * 100).toFixed(1)} % interval` : "");

/** The spread verdict of one query over the targets that answered it; undefined when none did. */
export function querySpread(cells: SpreadCell[]): QuerySpread | undefined {
  if (!cells.length) return undefined;
  const few = cells.filter((c) => c.runs < MIN_RUNS_TO_JUDGE_NOISE || !c.interval);
  if (few.length) {
    const list = few.map((c) => `${c.label}: ${c.runs} timed run${c.runs === 1 ? "" : "s"}`).join(", ");
    return { status: "too few runs", detail: `${list}; at least ${MIN_RUNS_TO_JUDGE_NOISE} are needed to judge the spread` };
  }
  if (cells.length === 1) {
    const [only] = cells;
    return isWide(only) ? { status: "too wide", detail: shown(only) } : { status: "ok", detail: `interval within ±${SPREAD_TOO_WIDE * 100} % of the median` };
  }
  for (const [i, a] of cells.entries()) {
    for (const b of cells.slice(i + 1)) {
      if (overlap(a.interval!, b.interval!) && (isWide(a) || isWide(b))) return { status: "too wide", detail: `${shown(a)} overlaps ${shown(b)}` };
    }
  }
  return { status: "ok", detail: `intervals apart, or within ±${SPREAD_TOO_WIDE * 100} % of their medians` };
}
