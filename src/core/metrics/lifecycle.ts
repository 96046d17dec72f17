/**
 * The lifecycle workload's figures: read degradation over rounds of change (LST-Bench's
 * degradation rate, with the confidence interval its own metrics code leaves as a TODO),
 * recovery after maintenance, and storage amplification.
 */
import { mean, sampleStandardDeviation } from "simple-statistics";
import { CONFIDENCE, percentileInterval, resample, type Interval } from "./bootstrap";
import { seededRandom } from "./seededRandom";
import { geometricMean } from "./statistics";

export class LifecycleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LifecycleInputError";
  }
}

/**
 * Student's t two-sided 97.5 % quantiles for 1..30 degrees of freedom (any statistics table,
 * e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2); beyond 30 the normal quantile is within 4 %.
 */
const T_975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
const Z_975 = 1.96;

export const tQuantile975 = (degreesOfFreedom: number): number => T_975[degreesOfFreedom - 1] ?? Z_975;

export interface DegradationRate {
  /** Mean over rounds i = 1..R of (Mᵢ − Mᵢ₋₁) / Mᵢ₋₁: the relative change per round. */
  rate: number;
  /** Each round's relative change, the rate's sample. */
  perRound: number[];
  /** The mean's 95 % t-interval from the rounds' spread; null with a single round. */
  interval: Interval | null;
}

/**
 * LST-Bench's degradation rate of a measure M (here the queries' total seconds) taken after
 * round 0 (the fresh tables) and after each of R rounds of change: measures[0..R].
 */
export function degradationRate(measures: readonly number[]): DegradationRate {
  if (measures.length < 2) throw new LifecycleInputError(`degradation needs round 0 and at least one round of change, got ${measures.length} measure(s)`);
  if (measures.some((m) => !(m > 0) || !Number.isFinite(m))) throw new LifecycleInputError(`every round's measure must be a positive number, got ${measures.join(", ")}`);
  const perRound = measures.slice(1).map((m, i) => (m - measures[i]) / measures[i]);
  const rate = mean(perRound);
  if (perRound.length < 2) return { rate, perRound, interval: null };
  const half = (tQuantile975(perRound.length - 1) * sampleStandardDeviation(perRound)) / Math.sqrt(perRound.length);
  return { rate, perRound, interval: { low: rate - half, high: rate + half } };
}

/** The measure after maintenance relative to round 0's: 1 is full recovery, above 1 still slower. */
export function recovery(afterMaintenance: number, roundZero: number): number {
  if (!(roundZero > 0) || !(afterMaintenance > 0)) throw new LifecycleInputError(`recovery needs positive measures, got ${afterMaintenance} and ${roundZero}`);
  return afterMaintenance / roundZero;
}

export interface TableBytes {
  /** The live data files' bytes (what a current read scans). */
  liveBytes: number;
  /** Every byte under the table's directory: live and dead data, delete files, logs, metadata. */
  totalBytes: number;
}

/** Storage amplification of tables together: bytes on disk over live data bytes (1 = no overhead). */
export function storageAmplification(tables: readonly TableBytes[]): number {
  const live = tables.reduce((sum, t) => sum + t.liveBytes, 0);
  const total = tables.reduce((sum, t) => sum + t.totalBytes, 0);
  if (!(live > 0)) throw new LifecycleInputError("storage amplification needs live data bytes above 0");
  if (total < live) throw new LifecycleInputError(`bytes on disk (${total}) below live data bytes (${live}): the storage figures disagree`);
  return total / live;
}

export interface Slowdown {
  /** Geometric mean over queries of (seconds in this pass / seconds in round 0). */
  ratio: number;
  /** 95 % percentile-bootstrap interval over the queries (null below 3 queries). */
  interval: Interval | null;
}

/** Resamples of the queries; a fixed seed keeps the report reproducible. */
const SLOWDOWN_RESAMPLES = 2000;
const SLOWDOWN_SEED = 20261202;

/**
 * How much slower a pass is than round 0, query by query: every query counts alike, whatever
 * its length (the sum is dominated by the longest). The spread is that of the queries.
 */
export function slowdown(pass: Readonly<Record<string, number>>, roundZero: Readonly<Record<string, number>>): Slowdown | null {
  const ratios = Object.keys(roundZero)
    .filter((q) => pass[q] > 0 && roundZero[q] > 0)
    .map((q) => pass[q] / roundZero[q]);
  const ratio = geometricMean(ratios);
  if (ratio === null) return null;
  if (ratios.length < 3) return { ratio, interval: null };
  const random = seededRandom(SLOWDOWN_SEED);
  const resampled = Array.from({ length: SLOWDOWN_RESAMPLES }, () => geometricMean(resample(ratios, random))!);
  return { ratio, interval: percentileInterval(resampled, CONFIDENCE) };
}

export interface PairedRatio {
  /** Geometric mean over the pairs of b / a: 1 is even, above 1 b is the larger. */
  ratio: number;
  /** 95 % t-interval of the mean log ratio, back on the ratio scale; null below 2 pairs. */
  interval: Interval | null;
  pairs: number;
}

/**
 * Two variants measured side by side in the same rounds: each round is a pair, and the log
 * of b / a per round is the sample (a round's size affects both alike). The t-interval suits
 * the handful of rounds a lifecycle runs, where a bootstrap has too few values to draw from.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): PairedRatio | null {
  const logs = a.flatMap((x, i) => (x > 0 && b[i] > 0 ? [Math.log(b[i] / x)] : []));
  if (!logs.length) return null;
  const centre = mean(logs);
  if (logs.length < 2) return { ratio: Math.exp(centre), interval: null, pairs: 1 };
  const half = (tQuantile975(logs.length - 1) * sampleStandardDeviation(logs)) / Math.sqrt(logs.length);
  return { ratio: Math.exp(centre), interval: { low: Math.exp(centre - half), high: Math.exp(centre + half) }, pairs: logs.length };
}
