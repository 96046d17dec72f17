/** The report's three charts, described from the model (rendered to SVG by svgChart). */
import type { ReportModel, ReportTarget } from "./model";
import type { BarChart } from "./svgChart";

const targetsWithData = (model: ReportModel, has: (t: ReportTarget) => boolean) => model.targets.filter(has);

export function queryTimesChart(model: ReportModel): BarChart {
  const targets = targetsWithData(model, (t) => model.totals[t.id] !== undefined);
  return {
    title: "Query time by format: median, whiskers min–max",
    unit: "s",
    categories: model.queries.map((q) => q.name.toUpperCase()),
    series: targets.map((t) => ({
      name: t.label,
      color: t.colour,
      values: model.queries.map((q) => {
        const stats = q.byTarget[t.id]?.statistics;
        return stats ? { value: stats.median, low: stats.min, high: stats.max } : { value: null };
      }),
    })),
  };
}

export function loadTimesChart(model: ReportModel): BarChart {
  const targets = targetsWithData(model, (t) => model.load[t.id] !== undefined);
  const tables = Object.keys(model.bronze?.tables ?? {});
  return {
    title: "Load (conversion) time per table",
    unit: "s",
    categories: tables,
    series: targets.map((t) => ({ name: t.label, color: t.colour, values: tables.map((table) => ({ value: model.load[t.id]?.tables[table]?.seconds ?? null })) })),
  };
}

export function storageChart(model: ReportModel): BarChart {
  const targets = targetsWithData(model, (t) => model.load[t.id] !== undefined);
  const tables = Object.keys(model.bronze?.tables ?? {});
  return {
    title: "Storage per table (data + metadata)",
    unit: "MiB",
    categories: tables,
    series: targets.map((t) => ({
      name: t.label,
      color: t.colour,
      values: tables.map((name) => {
        const table = model.load[t.id]?.tables[name];
        return { value: table ? (table.data_bytes + table.metadata_bytes) / 2 ** 20 : null };
      }),
    })),
  };
}
