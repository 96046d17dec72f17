import { describe, expect, it } from "vitest";
import { describeRuns, geometricMean, noiseVerdict, type RunStatistics } from "../../../src/core/metrics/statistics";

describe("describeRuns", () => {
  it("summarizes runs given in any order: n, median, min, max, mean", () => {
    const stats = describeRuns([3, 1, 2]);
    expect(stats).toMatchObject({ n: 3, median: 2, min: 1, max: 3, mean: 2 });
  });

  it("takes the median of an even number of runs as the mean of the middle two", () => {
    expect(describeRuns([4, 1, 3, 2]).median).toBe(2.5);
  });

  it("is not pulled by one slow outlier in the median, but is in the mean and max", () => {
    const stats = describeRuns([1, 1.1, 0.9, 10]);
    expect(stats.median).toBeCloseTo(1.05, 12);
    expect(stats.mean).toBeCloseTo(3.25, 12);
    expect(stats.max).toBe(10);
  });

  it("computes p95 by linear interpolation between the closest ranks", () => {
    expect(describeRuns([3, 1, 2]).p95).toBeCloseTo(2.9, 12);
    expect(describeRuns(Array.from({ length: 20 }, (_, i) => 20 - i)).p95).toBeCloseTo(19.05, 12);
    expect(describeRuns(Array.from({ length: 100 }, (_, i) => i + 1)).p95).toBeCloseTo(95.05, 12);
  });

  it("keeps p95 between the median and the max", () => {
    const stats = describeRuns([0.51, 0.48, 0.7, 0.55, 0.49]);
    expect(stats.p95).toBeGreaterThanOrEqual(stats.median);
    expect(stats.p95).toBeLessThanOrEqual(stats.max);
  });

  it("gives the coefficient of variation as sample standard deviation over mean", () => {
    expect(describeRuns([1, 2, 3]).cv).toBeCloseTo(0.5, 12);
    expect(describeRuns([2, 4, 4, 4, 5, 5, 7, 9]).cv).toBeCloseTo(2.138089935299395 / 5, 12);
  });

  it("gives a cv of 0 when every run took the same time", () => {
    expect(describeRuns([1.5, 1.5, 1.5]).cv).toBe(0);
  });

  it("gives a null cv with a single run, where every other figure is that run", () => {
    expect(describeRuns([1.25])).toEqual({ n: 1, median: 1.25, min: 1.25, max: 1.25, mean: 1.25, p95: 1.25, cv: null });
  });

  it("gives a null cv when the mean is zero instead of dividing by zero", () => {
    expect(describeRuns([0, 0]).cv).toBeNull();
  });

  it("refuses an empty list of runs", () => {
    expect(() => describeRuns([])).toThrow(RangeError);
  });

  it("does not reorder the caller's array", () => {
    const runs = [3, 1, 2];
    describeRuns(runs);
    expect(runs).toEqual([3, 1, 2]);
  });
});

describe("geometricMean", () => {
  it("is the n-th root of the product", () => {
    expect(geometricMean([1, 4, 16])).toBeCloseTo(4, 12);
    expect(geometricMean([2, 8])).toBeCloseTo(4, 12);
    expect(geometricMean([0.5])).toBeCloseTo(0.5, 12);
  });

  it("weighs a query twice as slow the same whether it is short or long", () => {
    const base = geometricMean([1, 100])!;
    expect(geometricMean([2, 100])! / base).toBeCloseTo(geometricMean([1, 200])! / base, 12);
  });

  it("is null for no values", () => {
    expect(geometricMean([])).toBeNull();
  });

  it("is null when any value is zero or negative", () => {
    expect(geometricMean([1, 0, 2])).toBeNull();
    expect(geometricMean([1, -2])).toBeNull();
  });
});

describe("noiseVerdict", () => {
  const stats = (median: number, min: number, max: number, n = 3): RunStatistics => ({ n, median, min, max, mean: median, p95: max, cv: 0.1 });

  it("says differs when the medians are further apart than the larger spread", () => {
    expect(noiseVerdict(stats(1.0, 0.9, 1.1), stats(1.5, 1.4, 1.6))).toBe("differs");
  });

  it("says within noise when the gap is within the spread of either set", () => {
    expect(noiseVerdict(stats(1.0, 0.9, 1.1), stats(1.1, 1.05, 1.15))).toBe("within noise");
    // The second set is noisy enough to hide a 0.5 s gap.
    expect(noiseVerdict(stats(1.0, 0.95, 1.05), stats(1.5, 0.8, 2.2))).toBe("within noise");
  });

  it("says within noise when the gap equals the spread exactly", () => {
    expect(noiseVerdict(stats(1, 0, 2), stats(3, 2, 4))).toBe("within noise");
  });

  it("is symmetric", () => {
    const a = stats(2, 1.8, 2.3);
    const b = stats(1, 0.9, 1.2);
    expect(noiseVerdict(a, b)).toBe(noiseVerdict(b, a));
    expect(noiseVerdict(a, b)).toBe("differs");
  });

  it("will not judge from fewer than three runs on either side: one or two runs show no real spread", () => {
    expect(noiseVerdict(describeRuns([1]), describeRuns([2]))).toBe("too few runs");
    expect(noiseVerdict(describeRuns([1, 1.01]), describeRuns([2, 2.01, 2.02]))).toBe("too few runs");
    expect(noiseVerdict(describeRuns([1, 1.01, 1.02]), describeRuns([2, 2.01, 2.02]))).toBe("differs");
  });
});
