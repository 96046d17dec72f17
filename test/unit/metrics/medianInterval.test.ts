import { describe, expect, it } from "vitest";
import { medianConfidenceInterval } from "../../../src/core/metrics/medianInterval";

describe("medianConfidenceInterval", () => {
  it("is [min, max] with its own coverage below 6 runs: 75 % for 3, 93.75 % for 5", () => {
    expect(medianConfidenceInterval([3, 1, 2])).toEqual({ low: 1, high: 3, confidence: 0.75 });
    expect(medianConfidenceInterval([5, 1, 4, 2, 3])).toEqual({ low: 1, high: 5, confidence: 0.9375 });
  });

  it("reaches 95 % with 6 runs (min–max covers 96.9 %)", () => {
    expect(medianConfidenceInterval([6, 1, 5, 2, 4, 3])).toEqual({ low: 1, high: 6, confidence: 1 - 2 / 64 });
  });

  it("narrows to inner order statistics with more runs, keeping at least 95 % (20 runs: 6th to 15th)", () => {
    const runs = Array.from({ length: 20 }, (_, i) => 20 - i); // 20 .. 1
    const interval = medianConfidenceInterval(runs)!;
    expect([interval.low, interval.high]).toEqual([6, 15]);
    expect(interval.confidence).toBeGreaterThanOrEqual(0.95);
    expect(interval.confidence).toBeCloseTo(0.9586, 4);
  });

  it("has no interval with fewer than 2 runs", () => {
    expect(medianConfidenceInterval([1])).toBeNull();
    expect(medianConfidenceInterval([])).toBeNull();
  });
});
