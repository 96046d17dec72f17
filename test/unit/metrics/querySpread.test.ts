import { describe, expect, it } from "vitest";
import { querySpread, type SpreadCell } from "../../../src/core/metrics/querySpread";

/** A Spark target's cell; the label is the format's name capitalised, as the descriptors name it. */
const cell = (format: string, median: number, low: number, high: number, runs = 5, stoppedBy?: SpreadCell["stoppedBy"]): SpreadCell => ({
  target: `spark.${format}` as SpreadCell["target"],
  label: format[0].toUpperCase() + format.slice(1),
  median,
  interval: { low, high, confidence: 0.96 },
  runs,
  stoppedBy,
});

describe("querySpread", () => {
  it("ranks when the intervals are apart, however wide", () => {
    expect(querySpread([cell("iceberg", 1, 0.7, 1.3), cell("delta", 2, 1.5, 2.6)])!.status).toBe("ok");
  });

  it("ranks when the intervals overlap but are narrow: the formats are equally fast", () => {
    expect(querySpread([cell("iceberg", 1, 0.97, 1.03), cell("delta", 1.01, 0.98, 1.04)])!.status).toBe("ok");
  });

  it("is too wide when the intervals overlap and one reaches further than ±10 % from its median", () => {
    const spread = querySpread([cell("iceberg", 1, 0.6, 1.58), cell("delta", 1.2, 1.15, 1.25)])!;
    expect(spread.status).toBe("too wide");
    expect(spread.detail).toContain("Iceberg 0.600–1.580 s (±58 % of its median) overlaps Delta");
  });

  it("says when an interval is the min–max of a few runs, which covers the median less often", () => {
    const few = { ...cell("iceberg", 1, 0.6, 1.58, 3), interval: { low: 0.6, high: 1.58, confidence: 0.75 } };
    expect(querySpread([few, cell("delta", 1.2, 1.15, 1.25)])!.detail).toContain("(±58 % of its median; min–max of 3 runs, a 75.0 % interval)");
  });

  it("is too wide when an automatic run count stopped at its cap", () => {
    expect(querySpread([cell("hudi", 1, 0.95, 1.05, 20, "cap")])!.status).toBe("too wide");
  });

  it("has too few runs below 3 timed runs, and names the target by its label", () => {
    const spread = querySpread([cell("iceberg", 1, 0.9, 1.1, 2), cell("delta", 2, 1.9, 2.1)])!;
    expect(spread).toEqual({ status: "too few runs", detail: "Iceberg: 2 timed runs; at least 3 are needed to judge the spread" });
    expect(querySpread([{ target: "spark.delta", label: "Delta Lake", median: 1, interval: null, runs: 1 }])!.status).toBe("too few runs");
  });

  it("says nothing for a query no format answered", () => {
    expect(querySpread([])).toBeUndefined();
  });
});
