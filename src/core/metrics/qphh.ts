/**
 * The TPC-H performance metrics (specification clause 5.4): Power@Size, Throughput@Size and
 * QphH@Size, computed from measured intervals. Derived from TPC-H, not an audited TPC result.
 *
 * Clause 5.4.1.1: Power@Size = 3600 · SF / (∏ QI(i,0), i = 1..22 · ∏ RI(j,0), j = 1..2)^(1/24),
 * the inverse of the geometric mean of the power test's 24 timing intervals, per hour, times SF.
 * Clause 5.4.1.4 (the audit checklist, clause 9.2.5.9, asks to "note whether Clause 5.4.1.4
 * concerning the ratio between the longest and the shortest timing intervals had to be applied"):
 * when the longest query interval is more than 1000 times the shortest, every query interval
 * below longest / 1000 counts as longest / 1000, and that value is itself treated as a timing
 * interval (rounded like one). Only query intervals are raised; RF1 and RF2 are taken as measured.
 * Resolution: clause 8 reports every query and refresh time "to a resolution of 0.1 seconds";
 * intervals are rounded up to it, as TPC-DS clause 7.1.16 states outright ("rounded up to the
 * nearest 0.1 second"), before they enter a metric, so a 0.04 s query counts 0.1 s and can
 * never drive Power@Size to infinity. (The clause 5.3.7 wording could not be retrieved here;
 * INTERVAL_RESOLUTION_SECONDS is the one place to change if it reads otherwise.)
 */

export const POWER_QUERY_INTERVALS = 22;
export const POWER_REFRESH_INTERVALS = 2;
/** The resolution intervals are reported at (clause 8), rounded up. */
export const INTERVAL_RESOLUTION_SECONDS = 0.1;
/** Clause 5.4.1.4: the largest allowed ratio of the longest to the shortest query interval. */
export const MAX_QUERY_INTERVAL_RATIO = 1000;

/** A metric asked for with inputs the formula cannot take; names the input, the value and what is allowed. */
export class MetricInputError extends Error {
  constructor(readonly key: string, readonly value: string, readonly allowed: string) {
    super(`${key}=${value}: ${allowed}`);
    this.name = "MetricInputError";
  }
}

const RESOLUTION_DECIMALS = Math.max(0, Math.ceil(-Math.log10(INTERVAL_RESOLUTION_SECONDS) - 1e-9));

/** Rounds a measured interval up to the reported resolution. */
export function reportedInterval(seconds: number): number {
  const steps = seconds / INTERVAL_RESOLUTION_SECONDS;
  // The tolerance keeps 0.3 at 0.3: 0.3 / 0.1 is 2.9999999999999996 in binary floating point.
  const rounded = Math.abs(steps - Math.round(steps)) < 1e-9 ? Math.round(steps) : Math.ceil(steps);
  return Number((rounded * INTERVAL_RESOLUTION_SECONDS).toFixed(RESOLUTION_DECIMALS));
}

export interface PowerIntervals {
  /** The 22 query intervals as they enter the formula: rounded, raised by clause 5.4.1.4 where it applies. */
  queries: number[];
  /** RF1 and RF2, rounded. */
  refreshes: number[];
  /** longest / 1000 when clause 5.4.1.4 raised at least one query interval, else null. */
  raisedTo: number | null;
}

/** The 24 intervals Power@Size is computed from, after rounding and the longest/1000 rule. */
export function powerIntervals(queryIntervals: number[], refreshIntervals: number[]): PowerIntervals {
  requireIntervals("power test query intervals", queryIntervals, POWER_QUERY_INTERVALS);
  requireIntervals("power test refresh intervals (RF1, RF2)", refreshIntervals, POWER_REFRESH_INTERVALS);
  const queries = queryIntervals.map(reportedInterval);
  const longest = Math.max(...queries);
  const floor = reportedInterval(longest / MAX_QUERY_INTERVAL_RATIO);
  const raise = longest / Math.min(...queries) > MAX_QUERY_INTERVAL_RATIO;
  return {
    queries: raise ? queries.map((q) => Math.max(q, floor)) : queries,
    refreshes: refreshIntervals.map(reportedInterval),
    raisedTo: raise ? floor : null,
  };
}

/** TPC-H Power@Size (clause 5.4.1): 3600 · SF over the geometric mean of the 24 power test intervals. */
export function powerAtSize(scaleFactor: number, queryIntervals: number[], refreshIntervals: number[]): number {
  requirePositive("scale factor", scaleFactor);
  const { queries, refreshes } = powerIntervals(queryIntervals, refreshIntervals);
  const intervals = [...queries, ...refreshes];
  // The mean of the logarithms: the 24th root of the product, without forming the product.
  const geometricMean = Math.exp(intervals.reduce((sum, seconds) => sum + Math.log(seconds), 0) / intervals.length);
  return (3600 * scaleFactor) / geometricMean;
}

/** TPC-H Throughput@Size (clause 5.4.2): S · 22 · 3600 / Ts · SF, Ts the throughput test's measurement interval. */
export function throughputAtSize(scaleFactor: number, streams: number, seconds: number): number {
  requirePositive("scale factor", scaleFactor);
  if (!Number.isInteger(streams) || streams < 1) throw new MetricInputError("throughput streams", String(streams), "a whole number of query streams, 1 or more");
  requirePositive("throughput test seconds (Ts)", seconds);
  return ((streams * POWER_QUERY_INTERVALS * 3600) / reportedInterval(seconds)) * scaleFactor;
}

/** TPC-H QphH@Size (clause 5.4.3): the geometric mean of Power@Size and Throughput@Size. */
export function qphhAtSize(power: number, throughput: number): number {
  requirePositive("Power@Size", power);
  requirePositive("Throughput@Size", throughput);
  return Math.sqrt(power * throughput);
}

function requireIntervals(key: string, intervals: number[] | undefined, count: number): void {
  if (!Array.isArray(intervals) || intervals.length !== count) {
    throw new MetricInputError(key, Array.isArray(intervals) ? `${intervals.length} intervals` : String(intervals), `exactly ${count} measured intervals`);
  }
  intervals.forEach((seconds, i) => requirePositive(`${key} #${i + 1}`, seconds));
}

function requirePositive(key: string, value: number | undefined): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new MetricInputError(key, String(value), "a finite number above 0 (a missing or failed measurement has no metric)");
  }
}
