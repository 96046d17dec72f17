/**
 * The report's charts as data (what to draw, not how): per-query time by format with
 * min–max whiskers, totals, load time per table, storage per format. DOM-free, so it is
 * unit-tested; webview/charts draws it with chart.js in the theme's colours.
 */
import type { Framework } from "../../src/core/config/keys";
import { frameworksOf, roles, seriesLabel, tablesOf, type ReportPair, type RunRole } from "./reportPair";

export interface BarPoint {
  y: number;
  yMin?: number;
  yMax?: number;
}

export interface BarSeries {
  label: string;
  framework: Framework;
  role: RunRole;
  /** Stacked series with the same stack id sit on one bar. */
  stack?: string;
  /** Metadata is drawn lighter than data. */
  shade?: "solid" | "light";
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
  /** Bars coloured by category (one format per category) instead of by series. */
  colorByCategory: boolean;
}

const MIB = 2 ** 20;

export function queryTimeChart(pair: ReportPair): BarChartData {
  const comparing = Boolean(pair.compare);
  const queries = [...new Set(roles(pair).flatMap(({ model }) => model.queries.map((q) => q.name)))];
  const series: BarSeries[] = [];
  for (const framework of frameworksOf(pair)) {
    for (const { role, model } of roles(pair)) {
      if (!model.totals[framework]) continue;
      series.push({
        label: seriesLabel(framework, role, comparing),
        framework,
        role,
        values: queries.map((name) => {
          const stats = model.queries.find((q) => q.name === name)?.byFramework[framework]?.statistics;
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
  const frameworks = frameworksOf(pair);
  return {
    id: measure === "sum" ? "total-time" : "geomean-time",
    title: measure === "sum" ? "Total query time" : "Geometric mean of query times",
    subtitle: measure === "sum" ? "Sum of the per-query medians." : "Geometric mean of the per-query medians: no single slow query dominates it.",
    unit: "s",
    categories: frameworks,
    series: roles(pair).map(({ role, model }) => ({
      label: pair.compare ? `run ${role}` : "time",
      framework: frameworks[0],
      role,
      values: frameworks.map((f) => {
        const totals = model.totals[f];
        const value = measure === "sum" ? totals?.sumOfMedians : totals?.geometricMeanOfMedians;
        return typeof value === "number" ? { y: value } : null;
      }),
    })),
    errorBars: false,
    colorByCategory: true,
  };
}

export function loadTimeChart(pair: ReportPair): BarChartData {
  const comparing = Boolean(pair.compare);
  const tables = tablesOf(pair);
  const series: BarSeries[] = [];
  for (const framework of frameworksOf(pair)) {
    for (const { role, model } of roles(pair)) {
      const load = model.load[framework];
      if (!load) continue;
      series.push({ label: seriesLabel(framework, role, comparing), framework, role, values: tables.map((t) => (load.tables[t] ? { y: load.tables[t].seconds } : null)) });
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
  const frameworks = frameworksOf(pair);
  const series = roles(pair).flatMap(({ role, model }): BarSeries[] =>
    (["data", "metadata"] as const).map((part) => ({
      label: `${part === "data" ? "data files" : "metadata"}${pair.compare ? ` · ${role}` : ""}`,
      framework: frameworks[0],
      role,
      stack: role,
      shade: part === "data" ? "solid" : "light",
      values: frameworks.map((f) => {
        const load = model.load[f];
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
    categories: frameworks,
    series,
    errorBars: false,
    colorByCategory: true,
  };
}
