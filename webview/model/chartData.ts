/**
 * The report's charts as data (what to draw, not how): per-query time by target with
 * min–max whiskers, totals, load time per table, storage per target. DOM-free, so it is
 * unit-tested; webview/charts draws it with chart.js in the theme's colours.
 */
import type { ReportTarget } from "../../src/core/view";
import { roles, seriesLabel, tablesOf, targetsOf, type ReportPair, type RunRole } from "./reportPair";

export interface BarPoint {
  y: number;
  yMin?: number;
  yMax?: number;
}

export interface BarSeries {
  label: string;
  /** Whose colour the series is drawn in (unused when the chart is coloured by category). */
  target: ReportTarget;
  role: RunRole;
  /** Stacked series with the same stack id sit on one bar. */
  stack?: string;
  /** Metadata is drawn lighter than data; a third part of a stack (lifecycle changes) between the two. */
  shade?: "solid" | "medium" | "light";
  values: (BarPoint | null)[];
}

export interface BarChartData {
  id: string;
  title: string;
  subtitle: string;
  unit: string;
  categories: string[];
  series: BarSeries[];
  /** Whiskers from yMin to yMax. */
  errorBars: boolean;
  /** Bars coloured by category (one target per category, `categoryTargets`) instead of by series. */
  colorByCategory: boolean;
  /** The target of each category when colorByCategory. */
  categoryTargets?: ReportTarget[];
}

const MIB = 2 ** 20;

export function queryTimeChart(pair: ReportPair): BarChartData {
  const comparing = Boolean(pair.compare);
  const queries = [...new Set(roles(pair).flatMap(({ model }) => model.queries.map((q) => q.name)))];
  const series: BarSeries[] = [];
  for (const target of targetsOf(pair)) {
    for (const { role, model } of roles(pair)) {
      if (!model.totals[target.id]) continue;
      series.push({
        label: seriesLabel(target, role, comparing),
        target,
        role,
        values: queries.map((name) => {
          const stats = model.queries.find((q) => q.name === name)?.byTarget[target.id]?.statistics;
          return stats ? { y: stats.median, yMin: stats.min, yMax: stats.max } : null;
        }),
      });
    }
  }
  const runs = pair.primary.iterations;
  return {
    id: "query-times",
    title: "Query time by format",
    subtitle: `Median of ${runs} timed run${runs === 1 ? "" : "s"} per query; whiskers from the fastest to the slowest run.`,
    unit: "s",
    categories: queries.map((q) => q.toUpperCase()),
    series,
    errorBars: true,
    colorByCategory: false,
  };
}

export function totalsChart(pair: ReportPair, measure: "sum" | "geomean"): BarChartData {
  const targets = targetsOf(pair);
  return {
    id: measure === "sum" ? "total-time" : "geomean-time",
    title: measure === "sum" ? "Total query time" : "Geometric mean of query times",
    subtitle: measure === "sum" ? "Sum of the per-query medians." : "Geometric mean of the per-query medians: no single slow query dominates it.",
    unit: "s",
    categories: targets.map((t) => t.label),
    series: roles(pair).map(({ role, model }) => ({
      label: pair.compare ? `run ${role}` : "time",
      target: targets[0],
      role,
      values: targets.map((t) => {
        const totals = model.totals[t.id];
        const value = measure === "sum" ? totals?.sumOfMedians : totals?.geometricMeanOfMedians;
        return typeof value === "number" ? { y: value } : null;
      }),
    })),
    errorBars: false,
    colorByCategory: true,
    categoryTargets: targets,
  };
}

export function loadTimeChart(pair: ReportPair): BarChartData {
  const comparing = Boolean(pair.compare);
  const tables = tablesOf(pair);
  const series: BarSeries[] = [];
  for (const target of targetsOf(pair)) {
    for (const { role, model } of roles(pair)) {
      const load = model.load[target.id];
      if (!load) continue;
      series.push({ label: seriesLabel(target, role, comparing), target, role, values: tables.map((t) => (load.tables[t] ? { y: load.tables[t].seconds } : null)) });
    }
  }
  return {
    id: "load-times",
    title: "Load time per table",
    subtitle: "Seconds to read the bronze Parquet and write the table in each format.",
    unit: "s",
    categories: tables,
    series,
    errorBars: false,
    colorByCategory: false,
  };
}

export function storageChart(pair: ReportPair): BarChartData {
  const targets = targetsOf(pair);
  const series = roles(pair).flatMap(({ role, model }): BarSeries[] =>
    (["data", "metadata"] as const).map((part) => ({
      label: `${part === "data" ? "data files" : "metadata"}${pair.compare ? ` · ${role}` : ""}`,
      target: targets[0],
      role,
      stack: role,
      shade: part === "data" ? "solid" : "light",
      values: targets.map((t) => {
        const load = model.load[t.id];
        if (!load) return null;
        return { y: (part === "data" ? load.dataBytes : load.metadataBytes) / MIB };
      }),
    })),
  );
  return {
    id: "storage",
    title: "Storage per format",
    subtitle: "MiB on disk for all tables: data files (solid) and the format's metadata (light).",
    unit: "MiB",
    categories: targets.map((t) => t.label),
    series,
    errorBars: false,
    colorByCategory: true,
    categoryTargets: targets,
  };
}
