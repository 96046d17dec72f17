/** The lifecycle figures: degradation rate (LST-Bench's definition) with its t-interval, recovery, amplification, slowdown. */
import { describe, expect, it } from "vitest";
import { degradationRate, LifecycleInputError, pairedRatio, recovery, slowdown, storageAmplification, tQuantile975 } from "../../../src/core/metrics/lifecycle";

describe("degradationRate", () => {
  it("is the mean of the rounds' relative changes", () => {
    // 10 -> 11 (+10 %) -> 13.2 (+20 %) -> 13.2 (0 %)
    const result = degradationRate([10, 11, 13.2, 13.2]);
    expect(result.perRound.map((r) => Number(r.toFixed(10)))).toEqual([0.1, 0.2, 0]);
    expect(result.rate).toBeCloseTo(0.1, 10);
  });

  it("gives a t-interval from the rounds' spread", () => {
    const result = degradationRate([10, 11, 13.2, 13.2]);
    // s = 0.1, n = 3, t(2) = 4.303: half-width 4.303 * 0.1 / sqrt(3)
    const half = (4.303 * 0.1) / Math.sqrt(3);
    expect(result.interval!.low).toBeCloseTo(0.1 - half, 6);
    expect(result.interval!.high).toBeCloseTo(0.1 + half, 6);
  });

  it("has no interval for a single round and a zero-width one for identical rounds", () => {
    expect(degradationRate([10, 12]).interval).toBeNull();
    const steady = degradationRate([8, 8, 8]);
    expect(steady.rate).toBe(0);
    expect(steady.interval).toEqual({ low: 0, high: 0 });
  });

  it("is negative when reads get faster", () => {
    expect(degradationRate([10, 9, 8.1]).rate).toBeCloseTo(-0.1, 10);
  });

  it("refuses fewer than two measures and non-positive ones", () => {
    expect(() => degradationRate([10])).toThrow(LifecycleInputError);
    expect(() => degradationRate([10, 0])).toThrow(/positive/);
    expect(() => degradationRate([10, Number.NaN])).toThrow(/positive/);
  });
});

describe("tQuantile975", () => {
  it("reads the table up to 30 degrees of freedom and the normal quantile beyond", () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(4)).toBe(2.776);
    expect(tQuantile975(30)).toBe(2.042);
    expect(tQuantile975(120)).toBe(1.96);
  });
});

describe("recovery", () => {
  it("is after-maintenance over round 0", () => {
    expect(recovery(12, 10)).toBeCloseTo(1.2, 10);
    expect(() => recovery(12, 0)).toThrow(LifecycleInputError);
  });
});

describe("storageAmplification", () => {
  it("is bytes on disk over live bytes, summed over the tables", () => {
    expect(storageAmplification([{ liveBytes: 100, totalBytes: 150 }, { liveBytes: 300, totalBytes: 450 }])).toBe(1.5);
    expect(storageAmplification([{ liveBytes: 100, totalBytes: 100 }])).toBe(1);
  });

  it("refuses no live bytes and totals below the live bytes", () => {
    expect(() => storageAmplification([{ liveBytes: 0, totalBytes: 10 }])).toThrow(/live data bytes above 0/);
    expect(() => storageAmplification([{ liveBytes: 10, totalBytes: 5 }])).toThrow(/disagree/);
  });
});

describe("slowdown", () => {
  it("is the geometric mean of the per-query ratios, every query counting alike", () => {
    const result = slowdown({ q01: 2, q03: 20, q06: 1 }, { q01: 1, q03: 10, q06: 1 })!;
    expect(result.ratio).toBeCloseTo(Math.cbrt(4), 10);
    expect(result.interval!.low).toBeGreaterThanOrEqual(1);
    expect(result.interval!.high).toBeLessThanOrEqual(2);
  });

  it("skips queries missing from the pass and has no interval below three queries", () => {
    const result = slowdown({ q01: 3 }, { q01: 1, q03: 10 })!;
    expect(result).toEqual({ ratio: 3, interval: null });
    expect(slowdown({}, { q01: 1 })).toBeNull();
  });
});

describe("pairedRatio", () => {
  it("is the geometric mean of the per-pair ratios with a t-interval of their logs", () => {
    const result = pairedRatio([2, 4, 8], [1, 2, 2])!;
    // Ratios 0.5, 0.5, 0.25: logs' mean ln(0.25) / 1.5 … the interval around it, back on the ratio scale.
    expect(result.ratio).toBeCloseTo(Math.cbrt(0.5 * 0.5 * 0.25), 12);
    expect(result.pairs).toBe(3);
    expect(result.interval!.low).toBeLessThan(result.ratio);
    expect(result.interval!.high).toBeGreaterThan(result.ratio);
    const logs = [0.5, 0.5, 0.25].map(Math.log);
    const m = logs.reduce((a, b) => a + b) / 3;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - m) ** 2, 0) / 2);
    expect(result.interval!.high).toBeCloseTo(Math.exp(m + (tQuantile975(2) * sd) / Math.sqrt(3)), 12);
  });

  it("skips pairs without two positive figures and gives no interval for a single pair", () => {
    expect(pairedRatio([0, 2], [1, 3])).toEqual({ ratio: 1.5, interval: null, pairs: 1 });
    expect(pairedRatio([0], [1])).toBeNull();
  });
});
