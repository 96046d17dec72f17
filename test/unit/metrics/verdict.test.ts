import { median } from "simple-statistics";
import { describe, expect, it } from "vitest";
import type { FormatId } from "../../../src/core/config/keys";
import { BOOTSTRAP_RESAMPLES } from "../../../src/core/metrics/bootstrap";
import { seededRandom } from "../../../src/core/metrics/seededRandom";
import { geometricMean } from "../../../src/core/metrics/statistics";
import { computeVerdict, type VerdictInput } from "../../../src/core/metrics/verdict";
import type { TargetId } from "../../../src/core/phase/targets";
import { targetLabel } from "../../../src/core/report/targetLabels";

/** `n` runs around `center`, each within ±`jitter` of it (from a seeded source: the same every time). */
function runs(center: number, n: number, jitter: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => center * (1 + jitter * (2 * random() - 1)));
}

/** Timings and loads by format: each format is a Spark target (`iceberg` -> spark.iceberg). */
type Timings = Partial<Record<FormatId, number[][]>>;
type Loads = Partial<Record<FormatId, NonNullable<VerdictInput["load"][TargetId]>>>;
const on = (format: string): TargetId => `spark.${format as FormatId}`;

function input(timings: Timings, load: Loads = {}): VerdictInput {
  const formats = [...new Set([...Object.keys(timings), ...Object.keys(load)])];
  const queries = Math.max(...Object.values(timings).map((t) => t!.length));
  return {
    targets: formats.map((f) => ({ id: on(f), label: targetLabel(on(f)) })),
    load: Object.fromEntries(Object.entries(load).map(([f, l]) => [on(f), l])),
    queries: Array.from({ length: queries }, (_, q) => ({
      name: `q${String(q + 1).padStart(2, "0")}`,
      byTarget: Object.fromEntries(
        Object.keys(timings).map((f) => [on(f), timings[f as FormatId]![q] ? { status: "completed", seconds: timings[f as FormatId]![q] } : { status: "failed" }]),
      ),
    })),
  };
}

const QUERY_CENTERS = [0.4, 1.2, 3.5, 0.9, 2.2];
const queriesAround = (factor: number, seed: number, jitter = 0.05, n = 5) => QUERY_CENTERS.map((c, i) => runs(c * factor, n, jitter, seed + i));

const tableLoad = (seconds: number[]) => ({
  dataBytes: 1000,
  metadataBytes: 10,
  tables: Object.fromEntries(seconds.map((s, i) => [`t${i}`, { seconds: s }])),
});

describe("computeVerdict: query time", () => {
  it("ranks a clearly faster format first, and the slower one with an interval that excludes 1", () => {
    const verdict = computeVerdict(input({ delta: queriesAround(2, 100), iceberg: queriesAround(1, 200) }));
    const [best, second] = verdict.queries.formats;
    expect(best).toMatchObject({ target: "spark.iceberg", label: "Iceberg", rank: 1, ratio: 1, interval: null, standing: "best" });
    expect(second).toMatchObject({ target: "spark.delta", label: "Delta Lake", rank: 2, standing: "behind" });
    expect(second.ratio).toBeGreaterThan(1.8);
    expect(second.ratio).toBeLessThan(2.2);
    expect(second.interval!.low).toBeGreaterThan(1);
    expect(second.interval!.low).toBeLessThanOrEqual(second.ratio);
    expect(second.interval!.high).toBeGreaterThanOrEqual(second.ratio);
    expect(verdict.queries.intervalSource).toBe("timed runs");
  });

  it('calls formats whose runs come from the same distribution "within noise": the interval includes 1', () => {
    const verdict = computeVerdict(input({ iceberg: queriesAround(1, 300, 0.3), hudi: queriesAround(1, 400, 0.3) }));
    const second = verdict.queries.formats[1];
    expect(second.standing).toBe("within noise");
    expect(second.interval!.low).toBeLessThanOrEqual(1);
    expect(second.interval!.high).toBeGreaterThanOrEqual(1);
  });

  it("gives the same verdict for the same input, every time", () => {
    const timings = { iceberg: queriesAround(1, 500, 0.2), delta: queriesAround(1.1, 600, 0.2) };
    expect(computeVerdict(input(timings))).toEqual(computeVerdict(input(structuredClone(timings))));
    expect(computeVerdict(input(timings)).method).toMatchObject({ resamples: BOOTSTRAP_RESAMPLES, confidence: 0.95 });
    expect(BOOTSTRAP_RESAMPLES).toBeGreaterThanOrEqual(2000);
  });

  it("compares the geometric mean of medians over the queries every format answered", () => {
    const iceberg = queriesAround(1, 700);
    const delta = queriesAround(1.5, 800);
    delete delta[1]; // q02 failed on delta: left out for both formats
    const ranking = computeVerdict(input({ iceberg, delta: Array.from(delta) })).queries;
    expect(ranking.basis).toBe("4 of 5 queries every format answered");
    const common = [0, 2, 3, 4];
    const icebergValue = geometricMean(common.map((i) => median(iceberg[i])))!;
    expect(ranking.formats.find((f) => f.target === "spark.iceberg")!.value).toBeCloseTo(icebergValue, 12);
    expect(ranking.formats.find((f) => f.target === "spark.delta")!.ratio).toBeCloseTo(geometricMean(common.map((i) => median(delta[i]!)))! / icebergValue, 12);
  });

  it("gives no interval with fewer than 3 timed runs of a query, and says which", () => {
    const ranking = computeVerdict(input({ iceberg: queriesAround(1, 900, 0.05, 2), delta: queriesAround(3, 950, 0.05, 2) })).queries;
    expect(ranking.intervalSource).toBe("none");
    expect(ranking.noInterval).toMatch(/ on (Iceberg|Delta Lake) has 2 timed runs; a bootstrap needs at least 3/);
    expect(ranking.formats[1]).toMatchObject({ target: "spark.delta", interval: null, standing: "unjudged" });
  });

  it("leaves out a format that answered nothing, and says why", () => {
    const ranking = computeVerdict(input({ iceberg: queriesAround(1, 1000), hudi: [[], [], [], [], []].map(() => undefined as unknown as number[]) })).queries;
    expect(ranking.formats.map((f) => f.target)).toEqual(["spark.iceberg"]);
    expect(ranking.excluded).toEqual([{ target: "spark.hudi", label: "Hudi", reason: "answered no query with timed runs" }]);
  });
});

describe("computeVerdict: load time and storage", () => {
  it("ranks the sum of table seconds, with an interval from a bootstrap over tables", () => {
    const verdict = computeVerdict(input({ iceberg: queriesAround(1, 1) }, {
      iceberg: tableLoad([4, 2, 1, 0.5, 0.5]),
      delta: tableLoad([8, 4, 2, 1, 1]),
    }));
    expect(verdict.load.intervalSource).toBe("tables");
    expect(verdict.load.formats.map((f) => [f.target, f.value])).toEqual([["spark.iceberg", 8], ["spark.delta", 16]]);
    // Twice as slow on every table: every resample of tables gives a ratio of 2.
    expect(verdict.load.formats[1]).toMatchObject({ ratio: 2, standing: "behind" });
    expect(verdict.load.formats[1].interval!.low).toBeCloseTo(2, 12);
    expect(verdict.method.load).toMatch(/bootstrap over tables/);
  });

  it('is "within noise" when the faster format changes from table to table', () => {
    const verdict = computeVerdict(input({ iceberg: queriesAround(1, 1) }, {
      iceberg: tableLoad([1, 5, 1, 5, 1, 5]),
      delta: tableLoad([5, 1, 5, 1, 5, 1.2]),
    }));
    expect(verdict.load.formats[1].standing).toBe("within noise");
  });

  it("gives no load interval with fewer than 3 tables", () => {
    const load = computeVerdict(input({ iceberg: queriesAround(1, 1) }, { iceberg: tableLoad([1, 2]), delta: tableLoad([2, 3]) })).load;
    expect(load.intervalSource).toBe("none");
    expect(load.formats[1].standing).toBe("unjudged");
  });

  it("ranks storage as deterministic: exact ratios, no interval, equal sizes tied", () => {
    const verdict = computeVerdict(input({ iceberg: queriesAround(1, 1) }, {
      iceberg: { ...tableLoad([1, 1, 1]), dataBytes: 3000, metadataBytes: 0 },
      delta: { ...tableLoad([1, 1, 1]), dataBytes: 1000, metadataBytes: 500 },
      hudi: { ...tableLoad([1, 1, 1]), dataBytes: 1400, metadataBytes: 100 },
    }));
    expect(verdict.storage.intervalSource).toBe("deterministic");
    expect(verdict.storage.formats.map((f) => [f.target, f.ratio, f.interval, f.standing])).toEqual([
      ["spark.delta", 1, null, "best"],
      ["spark.hudi", 1, null, "tied"],
      ["spark.iceberg", 2, null, "behind"],
    ]);
    expect(verdict.storage.formats.map((f) => f.rank)).toEqual([1, 1, 3]);
  });

  it("leaves formats without a completed load out of load and storage", () => {
    const verdict = computeVerdict({ ...input({ iceberg: queriesAround(1, 1), delta: queriesAround(1, 2) }), load: { "spark.iceberg": tableLoad([1, 2, 3]) } });
    expect(verdict.load.excluded).toEqual([{ target: "spark.delta", label: "Delta Lake", reason: "no completed load" }]);
    expect(verdict.storage.formats.map((f) => f.target)).toEqual(["spark.iceberg"]);
  });
});

describe("computeVerdict: caveats", () => {
  it("warns when formats were timed concurrently", () => {
    const steady = queriesAround(1, 1, 0.05, 6);
    expect(computeVerdict({ ...input({ iceberg: steady }), concurrentTimings: true }).caveats).toEqual([expect.stringMatching(/concurrently/)]);
    expect(computeVerdict(input({ iceberg: steady })).caveats).toEqual([]);
  });

  it("warns that a bootstrap over fewer than 6 runs per query can understate the spread", () => {
    expect(computeVerdict(input({ iceberg: queriesAround(1, 1, 0.05, 5) })).caveats).toEqual([expect.stringMatching(/fewer than 6 timed runs.*QUERY_ITERATIONS=auto/)]);
  });
});
