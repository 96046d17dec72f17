import { describe, expect, it } from "vitest";
import { medianInterval, percentileInterval, resample } from "../../../src/core/metrics/bootstrap";
import { seededRandom } from "../../../src/core/metrics/seededRandom";

describe("seededRandom", () => {
  it("gives the same sequence for the same seed, and another for another seed", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it("stays in [0, 1) and spreads over it", () => {
    const values = Array.from({ length: 10_000 }, seededRandom(1));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});

describe("bootstrap", () => {
  it("reads the central 95 % of the values as the interval", () => {
    const values = Array.from({ length: 1001 }, (_, i) => i / 10);
    const interval = percentileInterval([...values].reverse());
    expect(interval.low).toBeCloseTo(2.5, 6);
    expect(interval.high).toBeCloseTo(97.5, 6);
  });

  it("resamples with replacement: as many values, each one of the originals", () => {
    const drawn = resample([1, 2, 3], seededRandom(3));
    expect(drawn).toHaveLength(3);
    expect(drawn.every((v) => [1, 2, 3].includes(v))).toBe(true);
  });

  it("gives a median interval that holds the median and lies within the runs", () => {
    const runs = [1.02, 0.98, 1.1, 1.0, 0.95, 1.05, 1.3];
    const interval = medianInterval(runs, seededRandom(5))!;
    expect(interval.low).toBeLessThanOrEqual(1.02);
    expect(interval.high).toBeGreaterThanOrEqual(1.02);
    expect(interval.low).toBeGreaterThanOrEqual(0.95);
    expect(interval.high).toBeLessThanOrEqual(1.3);
  });

  it("spans min to max with 3 runs, and has no interval with fewer than 2", () => {
    expect(medianInterval([3, 1, 2], seededRandom(9))).toEqual({ low: 1, high: 3 });
    expect(medianInterval([1], seededRandom(9))).toBeNull();
  });
});
