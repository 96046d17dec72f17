import { describe, expect, it } from "vitest";
import {
  MetricInputError,
  powerAtSize,
  powerIntervals,
  qphhAtSize,
  reportedInterval,
  throughputAtSize,
} from "../../../src/core/metrics/qphh";

const queries = (...intervals: number[]): number[] => intervals;
const repeat = (n: number, seconds: number): number[] => Array.from({ length: n }, () => seconds);

describe("reportedInterval (seconds at 0.1 s resolution, rounded up)", () => {
  it("rounds up to the next tenth of a second", () => {
    expect(reportedInterval(1.91)).toBe(2);
    expect(reportedInterval(0.01)).toBe(0.1);
    expect(reportedInterval(12.301)).toBe(12.4);
  });

  it("keeps a value already on a tenth, despite binary floating point (0.3 / 0.1 < 3)", () => {
    expect(reportedInterval(0.3)).toBe(0.3);
    expect(reportedInterval(2)).toBe(2);
  });
});

describe("powerAtSize (clause 5.4.1)", () => {
  it("is 3600·SF over the geometric mean of 22 query and 2 refresh intervals, each rounded up first", () => {
    // Worked by hand: the 22 queries measure 1.91..1.99 s and round up to 2.0 s; RF1 = 4.0 s, RF2 = 1.0 s.
    // Product = 2^22 · 4 · 1 = 2^24, so the geometric mean is (2^24)^(1/24) = 2 s.
    // Power@1 = 3600 · 1 / 2 = 1800.
    const measured = Array.from({ length: 22 }, (_, i) => 1.91 + (i % 9) / 100);
    expect(powerAtSize(1, measured, [4, 0.95])).toBeCloseTo(1800, 9);
  });

  it("scales with SF", () => {
    expect(powerAtSize(10, repeat(22, 2), [4, 1])).toBeCloseTo(18_000, 8);
  });

  it("raises query intervals below longest/1000 to longest/1000 when the ratio exceeds 1000 (clause 5.4.1.4)", () => {
    // Worked by hand at SF 10: one query of 1000 s (10^3), one of 0.5 s, one of 100 s (10^2),
    // nineteen of 10 s (10^19), RF1 = RF2 = 1 s (10^0).
    // 1000 / 0.5 = 2000 > 1000, so 0.5 s counts as 1000 / 1000 = 1 s (10^0).
    // Product = 10^(3 + 0 + 2 + 19 + 0) = 10^24, geometric mean 10 s, Power@10 = 3600 · 10 / 10 = 3600.
    // Without the rule: product 0.5 · 10^24, mean 10 · 0.5^(1/24), Power ≈ 3600 · 2^(1/24) ≈ 3705.0.
    const intervals = queries(1000, 0.5, 100, ...repeat(19, 10));
    expect(powerIntervals(intervals, [1, 1])).toMatchObject({ raisedTo: 1 });
    expect(powerIntervals(intervals, [1, 1]).queries.slice(0, 3)).toEqual([1000, 1, 100]);
    expect(powerAtSize(10, intervals, [1, 1])).toBeCloseTo(3600, 8);
  });

  it("leaves every interval as measured when the longest is at most 1000 times the shortest", () => {
    // 100 / 0.1 = 1000 exactly: the rule needs a ratio greater than 1000, so 0.1 s stays 0.1 s.
    const result = powerIntervals(queries(100, 0.1, ...repeat(20, 1)), [0.5, 0.5]);
    expect(result.raisedTo).toBeNull();
    expect(result.queries.slice(0, 2)).toEqual([100, 0.1]);
  });

  it("does not raise the refresh intervals: clause 5.4.1.4 speaks of query intervals", () => {
    const result = powerIntervals(queries(1000, 0.5, ...repeat(20, 10)), [0.2, 0.3]);
    expect(result.refreshes).toEqual([0.2, 0.3]);
  });

  it("throws a MetricInputError naming the input when intervals are missing, extra or not positive", () => {
    expect(() => powerAtSize(1, repeat(21, 1), [1, 1])).toThrow(/power test query intervals=21 intervals: exactly 22/);
    expect(() => powerAtSize(1, repeat(22, 1), [1])).toThrow(MetricInputError);
    expect(() => powerAtSize(1, [...repeat(21, 1), 0], [1, 1])).toThrow(/query intervals #22=0/);
    expect(() => powerAtSize(1, repeat(22, 1), [1, Number.NaN])).toThrow(/refresh intervals \(RF1, RF2\) #2=NaN/);
    expect(() => powerAtSize(0, repeat(22, 1), [1, 1])).toThrow(/scale factor=0/);
  });
});

describe("throughputAtSize (clause 5.4.2)", () => {
  it("is S·22·3600 / Ts · SF", () => {
    // Worked by hand: 2 streams, Ts = 198 s, SF 1: 2 · 22 · 3600 / 198 = 158400 / 198 = 800.
    expect(throughputAtSize(1, 2, 198)).toBeCloseTo(800, 9);
    // The same at SF 10 with Ts rounded up from 197.95 s: 8000.
    expect(throughputAtSize(10, 2, 197.95)).toBeCloseTo(8000, 8);
  });

  it("throws for a missing stream count or a non-positive Ts", () => {
    expect(() => throughputAtSize(1, 0, 100)).toThrow(/throughput streams=0/);
    expect(() => throughputAtSize(1, 1.5, 100)).toThrow(MetricInputError);
    expect(() => throughputAtSize(1, 2, 0)).toThrow(/Ts\)=0/);
  });
});

describe("qphhAtSize (clause 5.4.3)", () => {
  it("is the square root of Power@Size times Throughput@Size", () => {
    // Worked by hand: √(1800 · 800) = √1 440 000 = 1200.
    expect(qphhAtSize(1800, 800)).toBeCloseTo(1200, 9);
  });

  it("throws when either metric is missing", () => {
    expect(() => qphhAtSize(Number.NaN, 800)).toThrow(/Power@Size=NaN/);
    expect(() => qphhAtSize(1800, -1)).toThrow(/Throughput@Size=-1/);
  });
});
