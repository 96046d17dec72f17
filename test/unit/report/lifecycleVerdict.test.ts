/** The lifecycle verdict: per pair of variants of one format, who wins on writes, reads and storage, and by how much. */
import { describe, expect, it } from "vitest";
import type { LifecycleSummary } from "../../../src/core/report/lifecycleSummary";
import { summarizeLifecycle } from "../../../src/core/report/lifecycleSummary";
import { verdictRows, verdictSentence } from "../../../src/core/report/lifecycleText";
import { lifecycleVerdict } from "../../../src/core/report/lifecycleVerdict";
import { reportTargetOf } from "../../../src/core/report/targetLabels";
import type { TargetId } from "../../../src/core/phase/targets";
import { build } from "../phases/lifecycle.fixture";

const QUERIES = { q01: 1, q02: 2, q03: 3, q04: 4, q05: 5 };

/** The fixture's summary with its change seconds scaled per round, its reads per query and its bytes. */
function variant(changeFactors: number[], readFactors: number[], byteFactor = 1, maintainedByteFactor = byteFactor): LifecycleSummary {
  const s = summarizeLifecycle(build());
  return {
    ...s,
    changes: s.changes.map((c, i) => ({ ...c, rf1: c.rf1 * changeFactors[i], rf2: c.rf2 * changeFactors[i], upsert: c.upsert * changeFactors[i] })),
    lastRoundSeconds: Object.fromEntries(Object.entries(QUERIES).map(([q, v], i) => [q, v * readFactors[i]])),
    storage: s.storage.map((p) => ({ ...p, totalBytes: Math.round(p.totalBytes * (p.after === "maintenance" ? maintainedByteFactor : byteFactor)) })),
  };
}
const BASE = variant([1, 1], [1, 1, 1, 1, 1]);

function modelOf(summaries: Partial<Record<TargetId, LifecycleSummary>>) {
  const ids = Object.keys(summaries) as TargetId[];
  return { targets: ids.map(reportTargetOf), lifecycle: summaries };
}

describe("the lifecycle verdict per pair of variants", () => {
  it("pairs the family's default variant with the other one, found from the descriptors", () => {
    const verdict = lifecycleVerdict(modelOf({ "spark.delta-dv": BASE, "spark.iceberg-mor": BASE, "spark.delta": BASE, "spark.iceberg": BASE, "spark.parquet": BASE }));
    expect(verdict.pairs.map((p) => [p.family, p.a.id, p.b.id])).toEqual([
      ["delta", "spark.delta", "spark.delta-dv"],
      ["iceberg", "spark.iceberg", "spark.iceberg-mor"],
    ]);
  });

  it("gives no verdict for a pair with a member missing", () => {
    const verdict = lifecycleVerdict(modelOf({ "spark.iceberg": BASE, "spark.hudi-mor": BASE, "spark.delta": BASE }));
    expect(verdict).toEqual({ pairs: [], skipped: [] });
  });

  it("names a clear winner on each figure with the factor and an interval that excludes 1", () => {
    // Merge-on-read: half the change time, 1.5× slower reads, 1.25× the bytes after the rounds, same after maintenance.
    const mor = variant([0.5, 0.48], [1.4, 1.5, 1.6, 1.45, 1.55], 1.25, 1);
    const [pair] = lifecycleVerdict(modelOf({ "spark.iceberg": BASE, "spark.iceberg-mor": mor })).pairs;
    expect(pair.writes).toMatchObject({ winner: "spark.iceberg-mor", call: "wins" });
    expect(pair.writes.ratio).toBeCloseTo(Math.sqrt(0.5 * 0.48), 9);
    expect(pair.writes.interval!.high).toBeLessThan(1);
    expect(pair.reads).toMatchObject({ winner: "spark.iceberg", call: "wins" });
    expect(pair.reads.interval!.low).toBeGreaterThan(1);
    expect(pair.storageAfterRounds).toMatchObject({ winner: "spark.iceberg", call: "exact", interval: null });
    expect(pair.storageAfterRounds.ratio).toBeCloseTo(1.25, 2);
    expect(pair.storageAfterMaintenance).toMatchObject({ winner: null, call: "equal", ratio: 1 });
    const sentence = verdictSentence(pair);
    expect(sentence).toMatch(/^Iceberg vs Iceberg MOR: writes: Iceberg MOR cheaper to change by 2\.04× \(\d\.\d\d–\d\.\d\d×\); reads after 2 rounds: Iceberg faster to read by 1\.50× /);
    expect(sentence).toContain("storage after 2 rounds: Iceberg smaller by 1.25× (exact, one measurement); storage after maintenance: equal.");
  });

  it("says too close to call when the interval spans 1", () => {
    const mor = variant([0.9, 1.2], [0.8, 1.3, 1.1, 0.9, 1.0]);
    const [pair] = lifecycleVerdict(modelOf({ "spark.hudi": BASE, "spark.hudi-mor": mor })).pairs;
    for (const c of [pair.writes, pair.reads]) {
      expect(c).toMatchObject({ winner: null, call: "too close to call" });
      expect(c.interval!.low).toBeLessThan(1);
      expect(c.interval!.high).toBeGreaterThan(1);
    }
    const rows = verdictRows({ pairs: [pair], skipped: [] });
    expect(rows[0].slice(0, 3)).toEqual(["Hudi vs Hudi MOR", "writes", "too close to call"]);
  });

  it("names no winner without an interval: one round, or an older report without per-query times", () => {
    const one = (s: LifecycleSummary, factor: number): LifecycleSummary => ({ ...s, changes: s.changes.slice(0, 1).map((c) => ({ ...c, upsert: c.upsert * factor })), lastRoundSeconds: undefined });
    const [pair] = lifecycleVerdict(modelOf({ "spark.delta": one(BASE, 1), "spark.delta-dv": one(BASE, 3) })).pairs;
    expect(pair.writes).toMatchObject({ call: "no interval", winner: null, interval: null });
    expect(pair.writes.basis).toContain("one round, no interval");
    expect(pair.reads).toMatchObject({ call: "no interval", ratio: 1 });
    expect(pair.reads.basis).toContain("per-query times not in this report");
  });

  it("leaves out a pair that ran different numbers of rounds, saying why", () => {
    const verdict = lifecycleVerdict(modelOf({ "spark.iceberg": BASE, "spark.iceberg-mor": { ...BASE, rounds: 3 } }));
    expect(verdict.pairs).toEqual([]);
    expect(verdict.skipped[0].reason).toBe("Iceberg ran 2 rounds, Iceberg MOR 3: not like for like");
  });
});
