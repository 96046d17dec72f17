/**
 * The distribution-free confidence interval of a median, from order statistics: for n sorted
 * runs, [x(l), x(n+1-l)] holds the true median with probability 1 - 2 P(B <= l-1), B ~
 * Binomial(n, 1/2), whatever the shape of the timings (skewed, often bimodal on a shared
 * machine). The same interval QUERY_ITERATIONS=auto stops on (spark-jobs/common/median_interval.py).
 */
import type { Interval } from "./bootstrap";

export interface MedianInterval extends Interval {
  /** The interval's actual coverage: at least the asked-for one, or less with few runs (see below). */
  confidence: number;
}

/** P(B <= k) for B ~ Binomial(n, 1/2), k = 0 .. n/2. */
function lowerTail(n: number): number[] {
  const tail: number[] = [];
  let pmf = 0.5 ** n;
  let sum = 0;
  for (let k = 0; k <= n / 2; k++) {
    sum += pmf;
    tail.push(sum);
    pmf = (pmf * (n - k)) / (k + 1);
  }
  return tail;
}

/**
 * The narrowest symmetric order-statistic interval covering at least `confidence`. With too
 * few runs for that (fewer than 6 at 95 %) it is [min, max] with its lower coverage
 * (3 runs: 75 %), stated in `confidence`; null with fewer than 2 runs.
 */
export function medianConfidenceInterval(runs: number[], confidence = 0.95): MedianInterval | null {
  const n = runs.length;
  if (n < 2) return null;
  const sorted = [...runs].sort((a, b) => a - b);
  const tail = lowerTail(n);
  let lower = 1; // 1-based rank of the lower end
  while (lower < Math.floor(n / 2) && 1 - 2 * tail[lower] >= confidence) lower++;
  return { low: sorted[lower - 1], high: sorted[n - lower], confidence: 1 - 2 * tail[lower - 1] };
}
