/**
 * The power and throughput test's section, shared by the Markdown and HTML reports and the
 * panel: titles, columns and rows as plain text (each renderer escapes them its own way).
 */
import { bytes, seconds } from "./format";
import type { ReportModel, ReportTarget } from "./model";
import type { QphhSummary, RefreshTimes } from "./qphhSummary";

export const QPHH_TITLE = "TPC-H power and throughput test (QphH@Size)";
/** Shown when a summary somehow lacks its own label; the metrics file always carries it. */
export const QPHH_DEFAULT_LABEL = "derived from TPC-H, not an audited TPC result";
export const QPHH_NOTE =
  "Power@Size = 3600·SF / (∏ of the 22 query intervals · RF1 · RF2)^(1/24); Throughput@Size = S·22·3600·SF / Ts; QphH@Size = √(Power@Size · Throughput@Size) (TPC-H clause 5.4). The refresh functions change a per-run copy of orders and lineitem; making the copy is outside every timing. Every answer is checked against the oracle at the table state it ran on.";

export const QPHH_COLUMNS = ["format", "RF1 (orders + lineitem)", "RF2 (lineitem + orders)", "Power@Size", "Throughput@Size", "QphH@Size", "Ts", "streams", "answers correct", "copy", "change method"];
export const QPHH_STORAGE_TITLE = "Storage after the refreshes";
export const QPHH_STORAGE_COLUMNS = ["format", "table", "data files", "delete files / deletion vectors / log files", "data", "total", "metadata", "versions"];
export const QPHH_POWER_TITLE = "Power test intervals (seconds, in the power test's order)";
export const QPHH_STREAMS_TITLE = "Throughput test streams (seconds from its start)";
export const QPHH_STREAM_COLUMNS = ["format", "stream", "started", "ended", "seconds", "queries"];

/** The targets that ran the test, in the report's order. */
export function qphhTargets(model: ReportModel): [ReportTarget, QphhSummary][] {
  return model.targets.flatMap((t) => (model.qphh?.[t.id] ? [[t, model.qphh[t.id]!] as [ReportTarget, QphhSummary]] : []));
}

/** The label every target's figures carry (the same words in every metrics file). */
export const qphhLabel = (model: ReportModel): string => qphhTargets(model)[0]?.[1].label || QPHH_DEFAULT_LABEL;

/** A metric in queries per hour: "1,234.5"; null (a failed interval) "–". */
export const metricText = (value: number | null | undefined): string =>
  value === null || value === undefined ? "–" : value.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "1.234 s (orders 0.500 s + lineitem 0.734 s)" */
export function refreshText(times: RefreshTimes): string {
  const tables = Object.entries(times.tables).map(([table, s]) => `${table} ${seconds(s)}`);
  return tables.length ? `${seconds(times.seconds)} (${tables.join(" + ")})` : seconds(times.seconds);
}

export const answersText = (q: QphhSummary): string => `${q.answers.passed}/${q.answers.checked}`;
export const answersOk = (q: QphhSummary): boolean =>
  q.answers.passed === q.answers.checked && !q.answers.failed.length && !q.answers.mismatched.length && !q.answers.countMismatches.length;

export function qphhRows(model: ReportModel): string[][] {
  return qphhTargets(model).map(([t, q]) => [
    t.label,
    refreshText(q.rf1),
    refreshText(q.rf2),
    metricText(q.powerAtSize),
    metricText(q.throughputAtSize),
    metricText(q.qphhAtSize),
    seconds(q.throughput.seconds),
    String(q.streams),
    answersText(q),
    `${q.copy.method} (${seconds(q.copy.seconds)}, untimed)`,
    q.changeMethod,
  ]);
}

/** Wrong answers, failed queries and wrong row counts, one line per target that had any. */
export function qphhProblemLines(model: ReportModel): string[] {
  return qphhTargets(model).flatMap(([t, q]) => {
    const parts = [
      q.answers.failed.length ? `failed: ${q.answers.failed.join(", ")}` : "",
      q.answers.mismatched.length ? `wrong answers: ${q.answers.mismatched.join(", ")}` : "",
      q.answers.countMismatches.length ? `wrong row counts: ${q.answers.countMismatches.join("; ")}` : "",
    ].filter(Boolean);
    return parts.length ? [`${t.label}: ${parts.join("; ")}`] : [];
  });
}

const figure = (value: number | undefined, show: (v: number) => string = String) => (value === undefined ? "–" : show(value));

export function storageRows(model: ReportModel): string[][] {
  return qphhTargets(model).flatMap(([t, q]) =>
    Object.entries(q.storage).map(([table, s]) => [t.label, table, figure(s.dataFiles), figure(s.deleteFiles), figure(s.dataBytes, bytes), figure(s.totalBytes, bytes), figure(s.metadataBytes, bytes), figure(s.versions)]),
  );
}

/** Query × target: the power test's intervals, in the first target's order. */
export function powerColumns(model: ReportModel): string[] {
  return ["query", ...qphhTargets(model).map(([t]) => t.label)];
}

export function powerRows(model: ReportModel): string[][] {
  const tested = qphhTargets(model);
  const names = [...new Set(tested.flatMap(([, q]) => q.power.map((p) => p.query)))];
  return names.map((name) => [
    name,
    ...tested.map(([, q]) => {
      const p = q.power.find((i) => i.query === name);
      if (!p) return "–";
      if (p.status === "failed") return "failed";
      return `${seconds(p.seconds)}${p.answer === "mismatch" ? " (wrong answer)" : ""}`;
    }),
  ]);
}

/** Every query stream and the refresh stream, with their spans in the throughput test. */
export function streamRows(model: ReportModel): string[][] {
  return qphhTargets(model).flatMap(([t, q]) => [
    ...q.throughput.streams.map((s) => [t.label, `query stream ${s.stream}`, seconds(s.startedAt), seconds(s.endedAt), seconds(s.seconds), s.queries.map((x) => x.query).join(" ")]),
    ...q.throughput.refresh.map((r) => [t.label, `refresh set ${r.set}`, seconds(r.startedAt), seconds(r.endedAt), seconds(r.endedAt - r.startedAt), `RF1 ${seconds(r.rf1Seconds)}, RF2 ${seconds(r.rf2Seconds)}`]),
  ]);
}
