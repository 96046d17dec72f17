/**
 * Percentile bootstrap: resample the measurements with replacement, recompute the figure,
 * and read the 95 % interval off the sorted recomputed figures (simple-statistics resamples
 * and takes the quantiles; the random source is seeded so the interval is reproducible).
 */
import { median, quantileSorted, sampleWithReplacement } from "simple-statistics";
import type { RandomSource } from "./seededRandom";

/** Resamples per bootstrap: enough for stable 2.5 % and 97.5 % quantiles. */
export const BOOTSTRAP_RESAMPLES = 2000;
export const CONFIDENCE = 0.95;
/** The seed every report's bootstraps start from (recorded in the verdict's method). */
export const BOOTSTRAP_SEED = 20260101;

export interface Interval {
  low: number;
  high: number;
}

/** The central `confidence` interval of a set of recomputed figures. */
export function percentileInterval(values: number[], confidence = CONFIDENCE): Interval {
  if (values.length === 0) throw new RangeError("percentileInterval needs at least one value");
  const sorted = [...values].sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return { low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail) };
}

/** One resample of `values`, as many as there are, drawn with replacement. */
export function resample<T>(values: T[], random: RandomSource): T[] {
  return sampleWithReplacement(values, values.length, random);
}

/** The median of one resample of the runs. */
export function resampledMedian(runs: number[], random: RandomSource): number {
  return median(resample(runs, random));
}
