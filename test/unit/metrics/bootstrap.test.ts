import { describe, expect, it } from "vitest";
import { percentileInterval, resample, resampledMedian } from "../../../src/core/metrics/bootstrap";
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

  it("takes a resampled median from the runs themselves, the same for the same seed", () => {
    const runs = [1.02, 0.98, 1.1, 1.0, 0.95, 1.05, 1.3];
    const medians = Array.from({ length: 200 }, ((random) => () => resampledMedian(runs, random))(seededRandom(5)));
    expect(medians.every((m) => m >= 0.95 && m <= 1.3)).toBe(true);
    expect(new Set(medians).size).toBeGreaterThan(1);
    expect(resampledMedian(runs, seededRandom(5))).toBe(medians[0]);
  });
});
