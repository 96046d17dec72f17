/** The report's three charts, described from the model (rendered to SVG by svgChart). */
import type { Framework } from "../config/keys";
import { FRAMEWORK_COLORS } from "./format";
import type { ReportModel } from "./model";
import type { BarChart } from "./svgChart";

const frameworksWithData = (model: ReportModel, has: (f: Framework) => boolean) => model.frameworks.filter(has);

export function queryTimesChart(model: ReportModel): BarChart {
  const frameworks = frameworksWithData(model, (f) => model.totals[f] !== undefined);
  return {
    title: "Query time by format: median, whiskers min–max",
    unit: "s",
    categories: model.queries.map((q) => q.name.toUpperCase()),
    series: frameworks.map((f) => ({
      name: f,
      color: FRAMEWORK_COLORS[f],
      values: model.queries.map((q) => {
        const stats = q.byFramework[f]?.statistics;
        return stats ? { value: stats.median, low: stats.min, high: stats.max } : { value: null };
      }),
    })),
  };
}

export function loadTimesChart(model: ReportModel): BarChart {
  const frameworks = frameworksWithData(model, (f) => model.load[f] !== undefined);
  const tables = Object.keys(model.bronze?.tables ?? {});
  return {
    title: "Load (conversion) time per table",
    unit: "s",
    categories: tables,
    series: frameworks.map((f) => ({ name: f, color: FRAMEWORK_COLORS[f], values: tables.map((t) => ({ value: model.load[f]?.tables[t]?.seconds ?? null })) })),
  };
}

export function storageChart(model: ReportModel): BarChart {
  const frameworks = frameworksWithData(model, (f) => model.load[f] !== undefined);
  const tables = Object.keys(model.bronze?.tables ?? {});
  return {
    title: "Storage per table (data + metadata)",
    unit: "MiB",
    categories: tables,
    series: frameworks.map((f) => ({
      name: f,
      color: FRAMEWORK_COLORS[f],
      values: tables.map((t) => {
        const table = model.load[f]?.tables[t];
        return { value: table ? (table.data_bytes + table.metadata_bytes) / 2 ** 20 : null };
      }),
    })),
  };
}
