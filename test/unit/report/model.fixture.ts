/** A small, hand-built report model with hostile strings in the places data can reach. */
import { computeVerdict } from "../../../src/core/metrics/verdict";
import type { QueryCell, ReportModel, ReportTarget } from "../../../src/core/report/model";

export const HOSTILE_CONFIG = "<script>alert(1)</script>";
export const HOSTILE_ERROR = 'AnalysisException: <img src=x onerror="alert(2)"> | bad';

/** The fixture's two targets, as buildModel lists them from the format descriptors. */
export const ICEBERG: ReportTarget = { id: "spark.iceberg", engine: "spark", format: "iceberg", label: "Iceberg", colour: "#0072B2" };
export const DELTA: ReportTarget = { id: "spark.delta", engine: "spark", format: "delta", label: "Delta Lake", colour: "#E69F00" };

/** A completed cell of 3 timed runs (min, median, max); the interval of a median of 3 runs spans them (75 %). */
function timed(median: number, min: number, max: number, cv: number | null = 0.05): Pick<QueryCell, "statistics" | "seconds" | "medianInterval"> {
  return { statistics: { n: 3, median, min, max, mean: median, p95: max, cv }, seconds: [min, median, max], medianInterval: { low: min, high: max, confidence: 0.75 } };
}

/** The fixture as a report of today writes it: its verdict computed from its own figures. */
export function reportModel(overrides: Partial<ReportModel> = {}): ReportModel {
  const model = baseModel(overrides);
  return "verdict" in overrides ? model : { ...model, verdict: computeVerdict(model) };
}

/** The fixture as a report written before the verdict existed: no runs, no intervals, no verdict. */
export function olderReportModel(): ReportModel {
  const model = baseModel();
  for (const row of model.queries) {
    delete row.spread;
    for (const cell of Object.values(row.byTarget)) {
      delete cell!.seconds;
      delete cell!.medianInterval;
      delete cell!.planningMedian;
      delete cell!.executionMedian;
    }
  }
  for (const load of Object.values(model.load)) delete load!.warmupSeconds;
  return model;
}

function baseModel(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    schemaVersion: 2,
    benchmarkId: "lb-20260101-000000-abcd",
    createdAt: "2026-01-01T00:00:00.000Z",
    scaleFactor: 0.01,
    workload: "tpch-read",
    targets: [ICEBERG, DELTA],
    concurrentTimings: false,
    warmupRuns: 1,
    iterations: 3,
    oracle: "duckdb",
    versions: { pyspark: "3.5.6", "iceberg-spark-runtime-3.5_2.12": "1.10.1" },
    machine: { cpus: 2, cpuModel: "Test CPU" },
    config: { TPCH_SCALE_FACTOR: "0.01", DATA_DIR: HOSTILE_CONFIG },
    bronze: {
      generatorVersion: "2.0.1",
      seconds: 1.5,
      rows: 86_805,
      bytes: 3_000_000,
      tables: { lineitem: { rows: 60_175, files: 1, bytes: 2_000_000 }, orders: { rows: 15_000, files: 1, bytes: 1_000_000 } },
    },
    load: {
      "spark.iceberg": {
        seconds: 12.34,
        rows: 75_175,
        dataBytes: 3 * 2 ** 20,
        dataFiles: 4,
        metadataBytes: 2048,
        warmupSeconds: 3.21,
        tables: {
          lineitem: { seconds: 8, rows: 60_175, data_files: 2, data_bytes: 2 * 2 ** 20, metadata_bytes: 1024 },
          orders: { seconds: 4.34, rows: 15_000, data_files: 2, data_bytes: 2 ** 20, metadata_bytes: 1024 },
        },
      },
      "spark.delta": {
        seconds: 10,
        rows: 60_175,
        dataBytes: 2 ** 20,
        dataFiles: 1,
        metadataBytes: 512,
        warmupSeconds: 4.5,
        // orders is missing: no bar, a dash in the tables.
        tables: { lineitem: { seconds: 10, rows: 60_175, data_files: 1, data_bytes: 2 ** 20, metadata_bytes: 512 } },
      },
    },
    queries: [
      {
        name: "q01",
        sameAcrossFormats: true,
        spread: { status: "ok", detail: "intervals apart, or within ±10 % of their medians" },
        byTarget: {
          "spark.iceberg": { status: "completed", ...timed(1.234, 1.1, 1.4), planningMedian: 0.2, executionMedian: 1.034, rows: 4, hash: "h1", answer: { status: "match" } },
          "spark.delta": { status: "completed", ...timed(2.5, 2.4, 2.6), planningMedian: 0.5, executionMedian: 2, rows: 4, hash: "h1", answer: { status: "match" } },
        },
      },
      {
        name: "q02",
        sameAcrossFormats: true,
        spread: { status: "ok", detail: "interval within ±10 % of the median" },
        byTarget: {
          "spark.iceberg": { status: "completed", ...timed(0.5, 0.5, 0.5, 0), rows: 100, hash: "h2", answer: { status: "match" } },
          "spark.delta": { status: "failed", error: HOSTILE_ERROR, answer: { status: "unchecked", detail: "the query failed" } },
        },
      },
      {
        name: "q03",
        sameAcrossFormats: false,
        spread: {
          status: "too wide",
          detail:
            "Iceberg 2.900–3.200 s (±7 % of its median; min–max of 3 runs, a 75.0 % interval) overlaps Delta Lake 3.100–4.000 s (±14 % of its median; min–max of 3 runs, a 75.0 % interval)",
        },
        byTarget: {
          "spark.iceberg": { status: "completed", ...timed(3, 2.9, 3.2), rows: 10, hash: "h3", answer: { status: "match" } },
          "spark.delta": { status: "completed", ...timed(3.5, 3.1, 4), rows: 10, hash: "h3x", answer: { status: "mismatch", detail: "revenue: 1, duckdb has 2" } },
        },
      },
    ],
    totals: {
      "spark.iceberg": { sumOfMedians: 4.734, geometricMeanOfMedians: 1.2345, passed: 3, failed: [], mismatched: [] },
      "spark.delta": { sumOfMedians: 6, geometricMeanOfMedians: 2.958, passed: 1, failed: ["q02"], mismatched: ["q03"] },
    },
    problems: ["queries@spark.delta is failed: failed: q02; wrong answers: q03", "q03: targets disagree on the answer"],
    ...overrides,
  };
}
