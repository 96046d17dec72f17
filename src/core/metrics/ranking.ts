/**
 * A ranking of targets on one figure (lower is better): each target's value as a ratio to
 * the best target's, with the 95 % interval of that ratio when the figure has a spread.
 */
/** A target's id (`spark.iceberg`): metrics sits below the phase layer, so it takes the ids as the keys it is given. */
export type TargetKey = string;
import { percentileInterval, type Interval } from "./bootstrap";

export type RankedFigure = "load" | "queries" | "storage";

/** Where a ranking's interval comes from. */
export type IntervalSource = "timed runs" | "tables" | "deterministic" | "none";

/**
 * best: the reference (ratio 1). behind: the interval lies above 1, or (deterministic) the
 * ratio is above 1. within noise: the interval includes 1. tied: the same deterministic
 * value as the best. unjudged: a ratio without an interval (too little data for one).
 */
export type Standing = "best" | "behind" | "within noise" | "tied" | "unjudged";

/** A ranked or left-out target: its id, and the label the report shows ("Iceberg MOR"). */
export interface RankedTarget {
  target: TargetKey;
  label: string;
}

export interface RankedFormat extends RankedTarget {
  /** 1 for the best; formats with equal values share a rank. */
  rank: number;
  /** The figure itself: seconds, or bytes for storage. */
  value: number;
  /** value / the best format's value. */
  ratio: number;
  /** 95 % interval of the ratio; null for the best and where there is no interval. */
  interval: Interval | null;
  standing: Standing;
}

export interface Ranking {
  figure: RankedFigure;
  unit: "s" | "bytes";
  /** What the value is, in words. */
  statistic: string;
  /** What was compared: "22 queries every format answered", "8 tables". */
  basis: string;
  intervalSource: IntervalSource;
  /** Why there is no interval, when intervalSource is "none". */
  noInterval?: string;
  /** Best first. */
  formats: RankedFormat[];
  /** Formats left out of this ranking, and why. */
  excluded: (RankedTarget & { reason: string })[];
}

export type RankingFrame = Pick<Ranking, "figure" | "unit" | "statistic" | "basis" | "excluded">;

/**
 * Ranks `values` (in the caller's target order, which breaks ties). `resampled` holds, per
 * target, the figure recomputed in each bootstrap resample; resample i of every format is
 * divided by resample i of the best. Without resamples, the ratio stands alone.
 */
export function rankValues(
  frame: RankingFrame,
  values: [RankedTarget, number][],
  spread: { source: "timed runs" | "tables"; resampled: Map<TargetKey, number[]> } | { source: "deterministic" } | { source: "none"; reason: string },
): Ranking {
  const ordered = [...values].sort((a, b) => a[1] - b[1]);
  const best = ordered[0];
  const formats = ordered.map(([{ target, label }, value]): RankedFormat => {
    const rank = ordered.findIndex(([, v]) => v === value) + 1;
    const ratio = best[1] > 0 ? value / best[1] : value === best[1] ? 1 : Infinity;
    if (target === best[0].target) return { target, label, rank, value, ratio: 1, interval: null, standing: "best" };
    if (spread.source === "deterministic") return { target, label, rank, value, ratio, interval: null, standing: ratio === 1 ? "tied" : "behind" };
    if (spread.source === "none") return { target, label, rank, value, ratio, interval: null, standing: "unjudged" };
    const interval = ratioInterval(spread.resampled.get(target)!, spread.resampled.get(best[0].target)!);
    return { target, label, rank, value, ratio, interval, standing: interval && interval.low > 1 ? "behind" : interval ? "within noise" : "unjudged" };
  });
  return {
    ...frame,
    intervalSource: spread.source,
    ...(spread.source === "none" ? { noInterval: spread.reason } : {}),
    formats,
  };
}

function ratioInterval(resampled: number[], bestResampled: number[]): Interval | null {
  const ratios = resampled.flatMap((v, i) => (bestResampled[i] > 0 ? [v / bestResampled[i]] : []));
  return ratios.length ? percentileInterval(ratios) : null;
}
