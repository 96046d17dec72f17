/**
 * Every figure of the report as tables for the data grid: per query and target, per table
 * and target, per target totals, answers, the A/B comparison and the versions. DOM-free:
 * cells carry the text shown (formatted as in the HTML report) and the raw value.
 */
import { bytes, noiseVerdict, percent, sameQueryMeasurement, seconds, spreadMarker, type QueryCell, type QueryRow, type ReportTarget, type RunStatistics } from "../../src/core/view";
import { roles, tablesOf, targetsOf, type ReportPair, type RunRole } from "./reportPair";

export type Tone = "good" | "bad" | "muted" | "changed";

export interface FigureCell {
  text: string;
  /** The number (or word) behind the text, for sorting, copying and tests. */
  value?: number | string;
  /** Longer explanation shown on hover (an answer mismatch's detail). */
  title?: string;
  tone?: Tone;
}

export interface FigureColumn {
  title: string;
  numeric: boolean;
}

export interface FigureRow {
  /** Stable key: query/q01/spark.iceberg/A, load/lineitem/spark.delta/B, totals/spark.hudi/A, ... */
  key: string;
  cells: FigureCell[];
}

export interface FigureTable {
  id: string;
  title: string;
  columns: FigureColumn[];
  rows: FigureRow[];
}

const text = (value: string): FigureCell => ({ text: value, value });
const num = (value: number | null | undefined, show: (v: number) => string): FigureCell =>
  value === null || value === undefined ? { text: "–" } : { text: show(value), value };
const count = (value: number | undefined) => num(value, (v) => v.toLocaleString("en-US"));
const col = (title: string, numeric = false): FigureColumn => ({ title, numeric });

export function answerCell(cell: QueryCell | undefined): FigureCell {
  if (!cell) return { text: "–", tone: "muted" };
  if (cell.status === "failed") return { text: "failed", value: "failed", title: cell.error, tone: "bad" };
  switch (cell.answer.status) {
    case "match":
      return { text: "match", value: "match", tone: "good" };
    case "mismatch":
      return { text: "wrong", value: "mismatch", title: cell.answer.detail, tone: "bad" };
    default:
      return { text: "unchecked", value: "unchecked", title: cell.answer.detail, tone: "muted" };
  }
}

/** The median's interval; its coverage is named when few runs leave it below 95 % (min–max of 3 runs: 75 %). */
function intervalCell(interval: QueryCell["medianInterval"]): FigureCell {
  if (!interval) return { text: "–" };
  const range = `${interval.low.toFixed(3)}–${interval.high.toFixed(3)} s`;
  const coverage = `${Number((interval.confidence * 100).toFixed(1))} %`;
  return { text: interval.confidence < 0.95 ? `${range} (${coverage})` : range, value: interval.high - interval.low, title: `a ${coverage} interval of the median` };
}

/** Whether the query's runs rank the targets: "spread too wide to rank" is the marker to see. */
function spreadCell(spread: QueryRow["spread"]): FigureCell {
  if (!spread) return { text: "–", tone: "muted" };
  return { text: spreadMarker(spread), value: spread.status, title: spread.detail, tone: spread.status === "ok" ? undefined : "bad" };
}

export function queryFigures(pair: ReportPair): FigureTable {
  const comparing = Boolean(pair.compare);
  const rows: FigureRow[] = [];
  const names = [...new Set(roles(pair).flatMap(({ model }) => model.queries.map((q) => q.name)))];
  for (const name of names) {
    for (const target of targetsOf(pair)) {
      for (const { role, model } of roles(pair)) {
        const query = model.queries.find((q) => q.name === name);
        const cell = query?.byTarget[target.id];
        if (!cell) continue;
        const s = cell.statistics;
        const interval = cell.medianInterval;
        rows.push({
          key: `query/${name}/${target.id}/${role}`,
          cells: [
            text(name.toUpperCase()),
            text(target.label),
            ...(comparing ? [text(role)] : []),
            num(s?.median, (v) => seconds(v)),
            num(s?.min, (v) => seconds(v)),
            num(s?.max, (v) => seconds(v)),
            num(s?.p95, (v) => seconds(v)),
            num(s?.cv, percent),
            intervalCell(interval),
            count(s?.n),
            num(cell.planningMedian, (v) => seconds(v)),
            num(cell.executionMedian, (v) => seconds(v)),
            count(cell.rows),
            answerCell(cell),
            spreadCell(query?.spread),
          ],
        });
      }
    }
  }
  return {
    id: "query-figures",
    title: "Query figures",
    columns: [col("Query"), col("Format"), ...(comparing ? [col("Run")] : []), col("Median", true), col("Min", true), col("Max", true), col("p95", true), col("CV", true), col("Median interval", true), col("Runs", true), col("Planning", true), col("Execution", true), col("Rows", true), col("Answer"), col("Spread")],
    rows,
  };
}

export function loadFigures(pair: ReportPair): FigureTable {
  const comparing = Boolean(pair.compare);
  const rows: FigureRow[] = [];
  for (const table of tablesOf(pair)) {
    for (const target of targetsOf(pair)) {
      for (const { role, model } of roles(pair)) {
        const load = model.load[target.id]?.tables[table];
        if (!load) continue;
        rows.push({
          key: `load/${table}/${target.id}/${role}`,
          cells: [
            text(table),
            text(target.label),
            ...(comparing ? [text(role)] : []),
            num(load.seconds, (v) => seconds(v, 2)),
            count(load.rows),
            count(load.data_files),
            num(load.data_bytes, bytes),
            num(load.metadata_bytes, bytes),
          ],
        });
      }
    }
  }
  return {
    id: "load-figures",
    title: "Load figures per table",
    columns: [col("Table"), col("Format"), ...(comparing ? [col("Run")] : []), col("Load time", true), col("Rows", true), col("Data files", true), col("Data", true), col("Metadata", true)],
    rows,
  };
}

export function totalsFigures(pair: ReportPair): FigureTable {
  const comparing = Boolean(pair.compare);
  const rows: FigureRow[] = [];
  for (const target of targetsOf(pair)) {
    for (const { role, model } of roles(pair)) {
      const totals = model.totals[target.id];
      const load = model.load[target.id];
      if (!totals && !load) continue;
      const checked = model.queries.filter((q) => q.byTarget[target.id]).length;
      rows.push({
        key: `totals/${target.id}/${role}`,
        cells: [
          text(target.label),
          ...(comparing ? [text(role)] : []),
          num(totals?.sumOfMedians, (v) => seconds(v, 2)),
          num(totals?.geometricMeanOfMedians, (v) => seconds(v, 3)),
          totals ? { text: `${totals.passed}/${checked}`, value: totals.passed, tone: totals.passed === checked ? "good" : "bad" } : { text: "–" },
          totals ? { text: totals.failed.join(", ") || "none", value: totals.failed.length, tone: totals.failed.length ? "bad" : undefined } : { text: "–" },
          totals ? { text: totals.mismatched.join(", ") || "none", value: totals.mismatched.length, tone: totals.mismatched.length ? "bad" : undefined } : { text: "–" },
          num(load?.seconds, (v) => seconds(v, 2)),
          count(load?.rows),
          num(load?.dataBytes, bytes),
          num(load?.metadataBytes, bytes),
        ],
      });
    }
  }
  return {
    id: "totals-figures",
    title: "Totals per format",
    columns: [
      col("Format"),
      ...(comparing ? [col("Run")] : []),
      col("Total time", true),
      col("Geo. mean", true),
      col("Passed", true),
      col("Failed"),
      col("Wrong"),
      col("Load time", true),
      col("Rows", true),
      col("Data", true),
      col("Metadata", true),
    ],
    rows,
  };
}

/** Each query's answer on each target, checked against the oracle (DuckDB) and across targets. */
export function answerTable(pair: ReportPair): FigureTable {
  const comparing = Boolean(pair.compare);
  const columns: { target: ReportTarget; role: RunRole }[] = targetsOf(pair).flatMap((target) =>
    roles(pair).filter(({ model }) => model.totals[target.id]).map(({ role }) => ({ target, role })),
  );
  const names = [...new Set(roles(pair).flatMap(({ model }) => model.queries.map((q) => q.name)))];
  return {
    id: "answers",
    title: `Answers checked against ${pair.primary.oracle}`,
    columns: [col("Query"), ...columns.map((c) => col(comparing ? `${c.target.label} · ${c.role}` : c.target.label)), col("Same on every format")],
    rows: names.map((name) => {
      const row = (role: RunRole) => roles(pair).find((r) => r.role === role)!.model.queries.find((q) => q.name === name);
      const same = roles(pair).every(({ role }) => row(role)?.sameAcrossFormats ?? true);
      return {
        key: `answer/${name}`,
        cells: [
          text(name.toUpperCase()),
          ...columns.map((c) => answerCell(row(c.role)?.byTarget[c.target.id])),
          same ? { text: "yes", value: "yes", tone: "good" as Tone } : { text: "no", value: "no", tone: "bad" as Tone },
        ],
      };
    }),
  };
}

/** Run B against run A, query by query: a change inside the runs' spread is noise, not a difference. */
export function comparisonTable(pair: ReportPair): FigureTable | undefined {
  const { primary, compare } = pair;
  if (!compare) return undefined;
  const rows: FigureRow[] = [];
  for (const query of primary.queries) {
    for (const target of targetsOf(pair)) {
      const a = query.byTarget[target.id]?.statistics;
      const b = compare.queries.find((q) => q.name === query.name)?.byTarget[target.id]?.statistics;
      if (!a || !b) continue;
      rows.push({
        key: `compare/${query.name}/${target.id}`,
        cells: [text(query.name.toUpperCase()), text(target.label), num(a.median, (v) => seconds(v)), num(b.median, (v) => seconds(v)), ...changeCells(a, b, sameQueryMeasurement(primary, compare, target.id))],
      });
    }
  }
  return {
    id: "comparison",
    title: "Run B against run A",
    columns: [col("Query"), col("Format"), col("Median A", true), col("Median B", true), col("Change", true), col("Verdict")],
    rows,
  };
}

/** Change and verdict of run B's median against run A's; a figure compared with itself is neither. */
function changeCells(a: RunStatistics, b: RunStatistics, sameMeasurement: boolean): FigureCell[] {
  if (sameMeasurement) return [{ text: "–" }, { text: "same measurement", value: "same", tone: "muted" }];
  const change = a.median > 0 ? b.median / a.median - 1 : null;
  const verdict = noiseVerdict(a, b);
  const real = verdict === "differs";
  return [
    change === null ? { text: "–" } : { text: `${change >= 0 ? "+" : ""}${(change * 100).toFixed(1)} %`, value: change, tone: real ? (change < 0 ? "good" : "bad") : "muted" },
    real ? { text: change !== null && change < 0 ? "faster" : "slower", value: "real" } : { text: verdict, value: verdict === "within noise" ? "noise" : "unknown", tone: "muted" },
  ];
}

/** Versions, machine and configuration the figures came from; with two runs, side by side. */
export function environmentTable(pair: ReportPair): FigureTable {
  const sections = (model: ReportPair["primary"]): Record<string, string> => {
    const entries: Record<string, string> = {
      "benchmark id": model.benchmarkId,
      "scale factor": String(model.scaleFactor),
      "warm-up runs": String(model.warmupRuns),
      "timed runs": String(model.iterations),
      oracle: model.oracle,
    };
    for (const [k, v] of Object.entries(model.versions ?? {})) entries[`version: ${k}`] = String(v);
    for (const [k, v] of Object.entries(model.machine ?? {})) entries[`machine: ${k}`] = k === "memoryBytes" && typeof v === "number" ? bytes(v) : String(v);
    for (const [k, v] of Object.entries(model.config ?? {})) entries[`config: ${k}`] = String(v);
    return entries;
  };
  const a = sections(pair.primary);
  const b = pair.compare ? sections(pair.compare) : undefined;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b ?? {})])];
  return {
    id: "environment",
    title: "Versions, machine and configuration",
    columns: [col("Setting"), col(b ? "Run A" : "Value"), ...(b ? [col("Run B")] : [])],
    rows: keys.map((key) => ({
      key: `env/${key}`,
      cells: [text(key), text(a[key] ?? "–"), ...(b ? [{ ...text(b[key] ?? "–"), tone: b[key] !== a[key] ? ("changed" as Tone) : undefined }] : [])],
    })),
  };
}
