import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FormatId } from "../../../src/core/config/keys";
import { describeRuns } from "../../../src/core/metrics/statistics";
import { computeVerdict } from "../../../src/core/metrics/verdict";
import type { PhaseContext } from "../../../src/core/phase/context";
import { phaseId, type TargetId } from "../../../src/core/phase/targets";
import { buildReportModel } from "../../../src/core/phases/reportModel";
import { reusedFigures } from "../../../src/core/report/reuse";
import type { StateFile } from "../../../src/core/state/schema";
import { qphhMetrics } from "../report/qphh.fixture";
import { benchConfig, tempDirs } from "../helpers/fixtures";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const BENCH = "lb-20260101-000000-abcd";

/** A version 1 per-format metrics file as the gold phase wrote it (read as v2). */
function goldMetrics(framework: FormatId, runs: number[][], planning?: number[][]) {
  const queries = Object.fromEntries(
    runs.map((seconds, i) => [
      `q0${i + 1}`,
      { status: "completed", warmupSeconds: [1], seconds, statistics: describeRuns(seconds), rows: 1, hash: "h", answer: { status: "match" }, ...(planning ? { planningSeconds: planning[i] } : {}) },
    ]),
  );
  return { schemaVersion: 1, benchmarkId: BENCH, framework, scaleFactor: 0.01, sparkVersion: "3.5.6", queriesHash: "x", oracle: "duckdb-1.4.3", warmupRuns: 1, iterations: 3, queries, totals: { sumOfMedians: 0, geometricMeanOfMedians: 0, passed: runs.length, failed: [], mismatched: [] } };
}

const silver = (seconds: number[], warmupSeconds?: number) => ({
  status: "completed" as const,
  benchmarkId: BENCH,
  result: {
    engineVersion: "3.5.6",
    codec: "zstd",
    options: {},
    seconds: seconds.reduce((a, b) => a + b, 0),
    rows: 30,
    dataBytes: 3000,
    dataFiles: 3,
    metadataBytes: 30,
    ...(warmupSeconds === undefined ? {} : { warmupSeconds }),
    tables: Object.fromEntries(seconds.map((s, i) => [`t${i}`, { seconds: s, rows: 10, data_files: 1, data_bytes: 1000, metadata_bytes: 10 }])),
  },
});

/** `settings`: the engine settings the gold phase recorded per format (absent: an older run). */
function context(dir: string, settings?: Partial<Record<FormatId, unknown>>): PhaseContext {
  const metricsFile = (f: FormatId) => path.join(dir, `${f}.json`);
  const withSettings = (f: FormatId, metrics: object) => (settings?.[f] ? { ...metrics, settings: settings[f] } : metrics);
  writeFileSync(metricsFile("iceberg"), JSON.stringify(withSettings("iceberg", goldMetrics("iceberg", [[1, 1.1, 0.9], [2, 2.1, 1.9]], [[0.1, 0.2, 0.1], [0.3, 0.3, 0.3]]))));
  writeFileSync(metricsFile("delta"), JSON.stringify(withSettings("delta", goldMetrics("delta", [[2, 2.2, 1.8], [4, 4.4, 3.6]]))));
  const state: StateFile = {
    version: 2,
    phases: {
      "load@spark.iceberg": silver([1, 2, 3], 4.2),
      "load@spark.delta": silver([2, 4, 6]),
      "queries@spark.iceberg": { status: "completed", benchmarkId: BENCH, result: { metricsFile: metricsFile("iceberg") } },
      "queries@spark.delta": { status: "completed", benchmarkId: BENCH, result: { metricsFile: metricsFile("delta") } },
    },
    runs: [],
  };
  return { config: benchConfig({ formats: ["iceberg", "delta"], queries: [1, 2] }), benchmarkId: BENCH, state: () => state } as unknown as PhaseContext;
}

/** The model as the report phase builds it: the tpch-read workload's phase ids. */
const build = (ctx: PhaseContext) => buildReportModel(ctx, (target: TargetId) => ({ load: phaseId("load", target), queries: phaseId("queries", target) }), "tpch-read");

describe("buildReportModel", () => {
  it("gathers the common engine settings once and each format's own, and none from older runs", async () => {
    const common = [{ setting: "spark.serializer", value: "kryo", applied: true, why: "one serializer" }];
    const delta = [{ setting: "spark.databricks.delta.stalenessLimit", value: "1h", applied: false, why: "no gain" }];
    const model = await build(context(dirs.make(), { iceberg: { common, format: [] }, delta: { common, format: delta } }));
    expect(model.settings).toEqual({ common, byTarget: { "spark.iceberg": [], "spark.delta": delta } });
    expect(await build(context(dirs.make()))).not.toHaveProperty("settings");
  });

  it("carries the runs, the median's interval, the planning split and the silver warm-up into the model", async () => {
    const model = await build(context(dirs.make()));
    const iceberg = model.queries[0].byTarget["spark.iceberg"]!;
    expect(iceberg.seconds).toEqual([1, 1.1, 0.9]);
    expect(iceberg.medianInterval).toEqual({ low: 0.9, high: 1.1, confidence: 0.75 });
    expect(iceberg.planningMedian).toBeCloseTo(0.1, 12);
    expect(iceberg.executionMedian).toBeCloseTo(0.9, 12);
    expect(model.queries[0].byTarget["spark.delta"]!.planningMedian).toBeUndefined(); // an older metrics file
    expect(model.load["spark.iceberg"]!.warmupSeconds).toBe(4.2);
    expect(model.load["spark.delta"]!.warmupSeconds).toBeUndefined();
    // 0.9–1.1 s against 1.8–2.2 s: wide, but apart, so the query ranks the formats.
    expect(model.queries[0].spread).toMatchObject({ status: "ok" });
  });

  it("puts the verdict into the model as data, computed from the model's own figures", async () => {
    const model = await build(context(dirs.make()));
    const { verdict, ...rest } = model;
    expect(verdict).toEqual(computeVerdict(rest));
    expect(verdict!.queries.formats.map((f) => [f.target, f.standing])).toEqual([["spark.iceberg", "best"], ["spark.delta", "behind"]]);
    expect(verdict!.queries.formats[1].ratio).toBeCloseTo(2, 12);
    expect(verdict!.load.formats.map((f) => [f.target, f.ratio])).toEqual([["spark.iceberg", 1], ["spark.delta", 2]]);
    expect(verdict!.storage.formats.map((f) => f.standing)).toEqual(["best", "tied"]);
  });
});

describe("buildReportModel with a power and throughput test", () => {
  /** tpch-qphh's phase ids: the report reads each target's qphh@ phase. */
  const buildQphh = (ctx: PhaseContext) =>
    buildReportModel(ctx, (target: TargetId) => ({ load: phaseId("load", target), queries: phaseId("queries", target), qphh: phaseId("qphh", target) }), "tpch-qphh");

  it("summarizes each target's metrics file, and a test that did not complete is a problem line", async () => {
    const dir = dirs.make();
    const ctx = context(dir);
    const file = path.join(dir, "spark.iceberg.qphh.json");
    writeFileSync(file, JSON.stringify(qphhMetrics()));
    const phases = ctx.state().phases;
    phases["qphh@spark.iceberg"] = { status: "completed", benchmarkId: BENCH, result: { metricsFile: file } };
    phases["qphh@spark.delta"] = { status: "failed", benchmarkId: BENCH, error: "qphh@spark.delta: the job exited with code 1" };
    const model = await buildQphh(ctx);
    expect(model.workload).toBe("tpch-qphh");
    expect(Object.keys(model.qphh!)).toEqual(["spark.iceberg"]);
    const iceberg = model.qphh!["spark.iceberg"]!;
    expect(iceberg.label).toBe("derived from TPC-H, not an audited TPC result");
    expect(iceberg.power).toHaveLength(22);
    expect(iceberg.throughput.streams).toHaveLength(2);
    expect(iceberg.rf1.seconds).toBe(1.2);
    expect(model.problems).toContain("qphh@spark.delta is failed: qphh@spark.delta: the job exited with code 1");
    expect(model.problems.filter((p) => p.startsWith("qphh@spark.iceberg"))).toEqual([]);
    expect(model.measuredIn!["spark.iceberg"]!.qphh).toBe(BENCH);
  });

  it("shows the figures of a test that failed on wrong answers, and names a missing metrics file", async () => {
    const dir = dirs.make();
    const ctx = context(dir);
    const file = path.join(dir, "spark.iceberg.qphh.json");
    writeFileSync(file, JSON.stringify(qphhMetrics({ wrong: ["stream 1 q03"] })));
    const phases = ctx.state().phases;
    phases["qphh@spark.iceberg"] = { status: "failed", benchmarkId: BENCH, error: "qphh@spark.iceberg: wrong answers: stream 1 q03", result: { metricsFile: file } };
    phases["qphh@spark.delta"] = { status: "completed", benchmarkId: BENCH, result: { metricsFile: path.join(dir, "gone.json") } };
    const model = await buildQphh(ctx);
    expect(model.qphh!["spark.iceberg"]!.answers.mismatched).toEqual(["stream 1 q03"]);
    expect(model.problems).toContain("qphh@spark.iceberg is failed: qphh@spark.iceberg: wrong answers: stream 1 q03");
    expect(model.problems.find((p) => p.startsWith("qphh@spark.delta"))).toMatch(/gone\.json is missing/);
    expect(model.qphh).not.toHaveProperty(["spark.delta"]);
    // A test an earlier run measured (up to date, not rerun) is said to be from that run.
    phases["qphh@spark.iceberg"] = { ...phases["qphh@spark.iceberg"], status: "completed", benchmarkId: "lb-20251231-000000-0000" };
    expect(reusedFigures(await buildQphh(ctx))).toEqual(["Iceberg: power and throughput test measured in run lb-20251231-000000-0000 (up to date, not rerun)"]);
  });

  it("has no qphh for a workload without the test", async () => {
    expect(await build(context(dirs.make()))).not.toHaveProperty("qphh");
  });
});
