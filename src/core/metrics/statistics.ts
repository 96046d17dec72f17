/** Summary statistics of timed runs (simple-statistics does the arithmetic). */
import { geometricMean as ssGeometricMean, max, mean, median, min, quantileSorted, sampleStandardDeviation } from "simple-statistics";

export interface RunStatistics {
  n: number;
  median: number;
  min: number;
  max: number;
  mean: number;
  p95: number;
  /** Coefficient of variation (sample standard deviation / mean); null with fewer than 2 runs. */
  cv: number | null;
}

export function describeRuns(seconds: number[]): RunStatistics {
  if (seconds.length === 0) throw new RangeError("describeRuns needs at least one run");
  const sorted = [...seconds].sort((a, b) => a - b);
  const average = mean(sorted);
  return {
    n: sorted.length,
    median: median(sorted),
    min: min(sorted),
    max: max(sorted),
    mean: average,
    p95: quantileSorted(sorted, 0.95),
    cv: sorted.length >= 2 && average > 0 ? sampleStandardDeviation(sorted) / average : null,
  };
}

export function geometricMean(values: number[]): number | null {
  return values.length && values.every((v) => v > 0) ? ssGeometricMean(values) : null;
}

/** Fewer timed runs than this give no usable idea of a query's run-to-run spread. */
export const MIN_RUNS_TO_JUDGE_NOISE = 3;

export type NoiseVerdict = "differs" | "within noise" | "too few runs";

/**
 * Whether two medians differ by more than the noise: the gap must exceed the larger spread
 * (max - min) of the two sets of runs. With too few runs there is no spread to judge by.
 */
export function noiseVerdict(a: RunStatistics, b: RunStatistics): NoiseVerdict {
  if (Math.min(a.n, b.n) < MIN_RUNS_TO_JUDGE_NOISE) return "too few runs";
  const noise = Math.max(a.max - a.min, b.max - b.min);
  return Math.abs(a.median - b.median) > noise ? "differs" : "within noise";
}
