/**
 * The report's view of a target's power and throughput test: a compact projection of its
 * metrics file (phases/qphhMetrics.ts) with what the report, the charts and the panel show,
 * every time in seconds (throughput offsets from the start of the throughput test).
 */
import type { QphhMetrics, QueryInterval } from "../phases/qphhMetrics";

export interface RefreshTimes {
  seconds: number;
  /** Seconds per table the function changed (orders, lineitem). */
  tables: Record<string, number>;
}

export interface QphhQueryTime {
  /** "q14" */
  query: string;
  status: "completed" | "failed";
  seconds?: number;
  startedAt?: number;
  endedAt?: number;
  answer: "match" | "mismatch" | "unchecked";
}

export interface QphhStreamTimes {
  stream: number;
  seconds: number;
  startedAt: number;
  endedAt: number;
  /** In the stream's own order (TPC-H Appendix A). */
  queries: QphhQueryTime[];
}

export interface QphhRefreshPair {
  set: number;
  startedAt: number;
  endedAt: number;
  rf1Seconds: number;
  rf2Seconds: number;
}

/** A table after the refreshes; a figure the format does not expose is absent. */
export interface QphhTableStorage {
  dataFiles?: number;
  dataBytes?: number;
  /** Iceberg delete files, Delta deletion vectors, Hudi log files. */
  deleteFiles?: number;
  totalBytes?: number;
  metadataBytes?: number;
  /** Snapshots, versions or commits, as the format counts them. */
  versions?: number;
}

export interface QphhSummary {
  /** "derived from TPC-H, not an audited TPC result" */
  label: string;
  engineVersion: string;
  oracle: string;
  streams: number;
  parameters: "validation" | "generated";
  seed: number;
  copy: { method: string; seconds: number };
  changeMethod: string;
  rf1: RefreshTimes;
  rf2: RefreshTimes;
  /** The 22 power-test intervals in the power test's order (stream 00). */
  power: QphhQueryTime[];
  throughput: { seconds: number; streams: QphhStreamTimes[]; refresh: QphhRefreshPair[] };
  powerAtSize: number | null;
  throughputAtSize: number | null;
  qphhAtSize: number | null;
  answers: { checked: number; passed: number; failed: string[]; mismatched: string[]; countMismatches: string[] };
  storage: Record<string, QphhTableStorage>;
}

const queryTime = (query: string, interval: QueryInterval): QphhQueryTime => ({
  query,
  status: interval.status,
  ...(interval.seconds === undefined ? {} : { seconds: interval.seconds }),
  ...(interval.startedAt === undefined ? {} : { startedAt: interval.startedAt }),
  ...(interval.endedAt === undefined ? {} : { endedAt: interval.endedAt }),
  answer: interval.answer.status,
});

/** Queries in the given order (numbers), then any the order does not name. */
function ordered(order: number[], queries: Record<string, QueryInterval>): QphhQueryTime[] {
  const names = order.map((n) => `q${String(n).padStart(2, "0")}`).filter((name) => queries[name]);
  const rest = Object.keys(queries).filter((name) => !names.includes(name));
  return [...names, ...rest].map((name) => queryTime(name, queries[name]));
}

const STORAGE_FIELDS: [keyof QphhTableStorage, string][] = [
  ["dataFiles", "data_files"],
  ["dataBytes", "data_bytes"],
  ["deleteFiles", "delete_files"],
  ["totalBytes", "total_bytes"],
  ["metadataBytes", "metadata_bytes"],
  ["versions", "versions"],
];

function tableStorage(raw: Record<string, unknown>): QphhTableStorage {
  return Object.fromEntries(STORAGE_FIELDS.flatMap(([key, field]) => (typeof raw[field] === "number" ? [[key, raw[field]]] : [])));
}

export function summarizeQphh(metrics: QphhMetrics): QphhSummary {
  const { power, throughput, totals } = metrics;
  return {
    label: metrics.label,
    engineVersion: metrics.engineVersion,
    oracle: metrics.oracle,
    streams: metrics.streams,
    parameters: metrics.parameters,
    seed: metrics.seed,
    copy: metrics.copy,
    changeMethod: metrics.changeMethod,
    rf1: power.rf1,
    rf2: power.rf2,
    power: ordered(power.order, power.queries),
    throughput: {
      seconds: throughput.seconds,
      streams: throughput.streams.map((s) => ({ stream: s.stream, seconds: s.endedAt - s.startedAt, startedAt: s.startedAt, endedAt: s.endedAt, queries: ordered(s.order, s.queries) })),
      refresh: throughput.refresh.map((r) => ({ set: r.set, startedAt: r.startedAt, endedAt: r.endedAt, rf1Seconds: r.rf1.seconds, rf2Seconds: r.rf2.seconds })),
    },
    powerAtSize: power.powerAtSize,
    throughputAtSize: throughput.throughputAtSize,
    qphhAtSize: metrics.qphhAtSize,
    answers: { checked: totals.checked, passed: totals.passed, failed: totals.failed, mismatched: totals.mismatched, countMismatches: totals.countMismatches },
    storage: Object.fromEntries(Object.entries(metrics.storage).map(([table, raw]) => [table, tableStorage(raw)])),
  };
}
