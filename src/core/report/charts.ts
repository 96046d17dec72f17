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

/** A group width that leaves the legend (110 px per series) room across the few categories. */
export const legendRoom = (series: number, categories: number, least: number) => Math.max(least, Math.ceil((series * 110) / categories));

const tested = (model: ReportModel) => model.targets.filter((t) => model.qphh?.[t.id] !== undefined);

/** Power@Size, Throughput@Size and QphH@Size side by side, a bar per target (workload tpch-qphh). */
export function qphhChart(model: ReportModel): BarChart {
  const metrics = [["Power@Size", "powerAtSize"], ["Throughput@Size", "throughputAtSize"], ["QphH@Size", "qphhAtSize"]] as const;
  return {
    title: "Power, throughput and QphH@Size by format",
    unit: "queries per hour",
    categories: metrics.map(([name]) => name),
    barWidth: 24,
    minGroupWidth: legendRoom(tested(model).length, 3, 140),
    series: tested(model).map((t) => ({ name: t.label, color: t.colour, values: metrics.map(([, key]) => ({ value: model.qphh![t.id]![key] })) })),
  };
}

/** The power test's refresh functions: RF1 (insert) and RF2 (delete), a bar per target. */
export function refreshTimesChart(model: ReportModel): BarChart {
  return {
    title: "Refresh functions in the power test",
    unit: "s",
    categories: ["RF1 (insert)", "RF2 (delete)"],
    barWidth: 24,
    minGroupWidth: legendRoom(tested(model).length, 2, 160),
    series: tested(model).map((t) => ({ name: t.label, color: t.colour, values: [{ value: model.qphh![t.id]!.rf1.seconds }, { value: model.qphh![t.id]!.rf2.seconds }] })),
  };
}
