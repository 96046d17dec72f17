/**
 * A power and throughput test's metrics file as qphhPhase writes it (SF 0.01, 2 streams,
 * every answer checked), checked against qphhMetricsSchema, with hostile strings where data
 * reaches the report; and a report model carrying its summaries.
 */
import { QPHH_LABEL, qphhMetricsSchema, type QphhMetrics, type QueryInterval } from "../../../src/core/phases/qphhMetrics";
import type { ReportModel } from "../../../src/core/report/model";
import { summarizeQphh } from "../../../src/core/report/qphhSummary";
import { DELTA, ICEBERG, reportModel } from "./model.fixture";

/** TPC-H Appendix A: stream 00 (the power test), 01 and 02. */
export const POWER_ORDER = [14, 2, 9, 20, 6, 17, 18, 8, 21, 13, 3, 22, 16, 4, 11, 15, 1, 10, 19, 5, 7, 12];
export const STREAM_ORDERS = [
  [21, 3, 18, 5, 11, 7, 6, 20, 17, 12, 16, 15, 13, 10, 2, 8, 14, 19, 9, 22, 1, 4],
  [6, 17, 14, 16, 19, 10, 9, 2, 15, 8, 5, 22, 12, 7, 13, 18, 1, 4, 20, 3, 11, 21],
];
export const HOSTILE_CHANGE = "MERGE <b>INTO</b> | WHEN MATCHED THEN DELETE";

const name = (n: number) => `q${String(n).padStart(2, "0")}`;
const match = (state: number) => ({ status: "match" as const, state });

export interface QphhFixtureOptions {
  target?: string;
  format?: string;
  /** Seconds of every query interval (power and throughput). */
  querySeconds?: number;
  rf1?: number;
  rf2?: number;
  /** "stream 2 q03" style labels of answers that do not match. */
  wrong?: string[];
}

export function qphhMetrics(options: QphhFixtureOptions = {}): QphhMetrics {
  const { target = "spark.iceberg", format = "iceberg", querySeconds = 0.5, rf1 = 1.2, rf2 = 0.8, wrong = [] } = options;
  const power: Record<string, QueryInterval> = Object.fromEntries(
    POWER_ORDER.map((n) => [name(n), { status: "completed", seconds: querySeconds + n / 100, answer: wrong.includes(`power ${name(n)}`) ? { status: "mismatch", detail: "revenue: 1, duckdb has 2" } : match(2) }]),
  );
  const streams = STREAM_ORDERS.map((order, i) => {
    let at = 0.1 * i;
    const startedAt = at;
    const queries: Record<string, QueryInterval> = {};
    for (const n of order) {
      const label = `stream ${i + 1} ${name(n)}`;
      queries[name(n)] = { status: "completed", seconds: querySeconds, startedAt: at, endedAt: at + querySeconds, window: [4, 6], answer: wrong.includes(label) ? { status: "mismatch", detail: "no state in [4, 6] has this answer" } : match(4) };
      at += querySeconds;
    }
    return { stream: i + 1, order, startedAt, endedAt: at, queries };
  });
  const ts = Math.max(...streams.map((s) => s.endedAt)) + 0.05;
  const refreshSet = (set: number, startedAt: number) => ({ set, startedAt, endedAt: startedAt + rf1 + rf2, rf1: { seconds: rf1, tables: { orders: rf1 / 3, lineitem: (2 * rf1) / 3 } }, rf2: { seconds: rf2, tables: { lineitem: rf2 / 2, orders: rf2 / 2 } } });
  const checked = 22 + 44;
  // Clause 5.4.1: 3600·SF over the geometric mean of the 24 power-test intervals.
  const intervals = [...Object.values(power).map((q) => q.seconds!), rf1, rf2];
  const powerAtSize = (3600 * 0.01) / Math.exp(intervals.reduce((sum, s) => sum + Math.log(s), 0) / intervals.length);
  const throughputAtSize = (2 * 22 * 3600 * 0.01) / ts;
  const metrics = {
    schemaVersion: 1,
    kind: "qphh",
    label: QPHH_LABEL,
    benchmarkId: "lb-20260101-000000-abcd",
    target,
    engine: "spark",
    format,
    scaleFactor: 0.01,
    engineVersion: "3.5.6",
    oracle: "duckdb-1.4.3",
    streams: 2,
    parameters: "validation",
    seed: 1201093015,
    copy: { method: "shallow clone", seconds: 2.5 },
    changeMethod: HOSTILE_CHANGE,
    power: {
      order: POWER_ORDER,
      rf1: { seconds: rf1, tables: { orders: rf1 / 3, lineitem: (2 * rf1) / 3 } },
      rf2: { seconds: rf2, tables: { lineitem: rf2 / 2, orders: rf2 / 2 } },
      queries: power,
      powerAtSize,
    },
    throughput: { seconds: ts, streams, refresh: [refreshSet(2, 0), refreshSet(3, rf1 + rf2)], throughputAtSize },
    qphhAtSize: Math.sqrt(powerAtSize * throughputAtSize),
    counts: [2, 4, 6, 8, 10, 12].map((state) => ({ state, orders: 15_000, lineitem: 60_175, expected: { orders: 15_000, lineitem: 60_175 }, ok: true })),
    storage: {
      orders: { data_files: 5, data_bytes: 600_000, delete_files: 3, total_bytes: 640_000, metadata_bytes: 40_000, versions: 7 },
      lineitem: { data_files: 9, data_bytes: 2_000_000, delete_files: null, total_bytes: 2_100_000, metadata_bytes: 100_000, versions: 7 },
    },
    totals: { checked, passed: checked - wrong.length, failed: [], mismatched: wrong, countMismatches: [] },
  };
  return qphhMetricsSchema.parse(metrics);
}

/** The report fixture as a tpch-qphh run writes it: Iceberg and Delta each ran the test. */
export function qphhReportModel(overrides: Partial<ReportModel> = {}): ReportModel {
  return reportModel({
    workload: "tpch-qphh",
    qphh: {
      [ICEBERG.id]: summarizeQphh(qphhMetrics()),
      [DELTA.id]: summarizeQphh(qphhMetrics({ target: DELTA.id, format: "delta", querySeconds: 0.7, rf1: 2.4, rf2: 1.6, wrong: ["stream 2 q03"] })),
    },
    ...overrides,
  });
}
