/**
 * The power and throughput test's charts as data (workload tpch-qphh): QphH@Size by target,
 * and the power test's RF1 and RF2 seconds by target. Null when no shown run has the test,
 * so a tpch-read report draws exactly what it drew before. DOM-free, unit-tested.
 */
import type { BarChartData, BarSeries } from "./chartData";
import { roles, seriesLabel, targetsOf, type ReportPair } from "./reportPair";

const hasQphh = (pair: ReportPair) => roles(pair).some(({ model }) => Object.keys(model.qphh ?? {}).length > 0);

export function qphhChart(pair: ReportPair): BarChartData | null {
  if (!hasQphh(pair)) return null;
  const targets = targetsOf(pair).filter((t) => roles(pair).some(({ model }) => model.qphh?.[t.id]));
  return {
    id: "qphh",
    title: "QphH@Size by format",
    subtitle: "√(Power@Size · Throughput@Size), queries per hour at the scale factor; derived from TPC-H, not an audited TPC result.",
    unit: "QphH",
    categories: targets.map((t) => t.label),
    series: roles(pair).map(({ role, model }) => ({
      label: pair.compare ? `run ${role}` : "QphH@Size",
      target: targets[0],
      role,
      values: targets.map((t) => {
        const value = model.qphh?.[t.id]?.qphhAtSize;
        return typeof value === "number" ? { y: value } : null;
      }),
    })),
    errorBars: false,
    colorByCategory: true,
    categoryTargets: targets,
  };
}

export function refreshTimesChart(pair: ReportPair): BarChartData | null {
  if (!hasQphh(pair)) return null;
  const comparing = Boolean(pair.compare);
  const series: BarSeries[] = [];
  for (const target of targetsOf(pair)) {
    for (const { role, model } of roles(pair)) {
      const test = model.qphh?.[target.id];
      if (test) series.push({ label: seriesLabel(target, role, comparing), target, role, values: [{ y: test.rf1.seconds }, { y: test.rf2.seconds }] });
    }
  }
  return {
    id: "refresh-times",
    title: "Refresh functions in the power test",
    subtitle: "Seconds of RF1 (insert new orders and their lineitems) and RF2 (delete old ones) on each format's own write path.",
    unit: "s",
    categories: ["RF1 (insert)", "RF2 (delete)"],
    series,
    errorBars: false,
    colorByCategory: false,
  };
}
