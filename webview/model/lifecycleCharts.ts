/**
 * The lifecycle step's charts as data (workload lifecycle): the queries' total seconds per
 * pass (degradation, one line per target), storage per round (live and dead bytes), the change
 * operations' seconds per round, and maintenance seconds against recovery. Null when no shown
 * run has the step, so a tpch-read report draws exactly what it drew before. DOM-free, unit-tested.
 */
import type { ReportModel, ReportTarget, TargetId } from "../../src/core/view";
import type { BarChartData, BarSeries } from "./chartData";
import { roles, seriesLabel, targetsOf, type ReportPair, type RunRole } from "./reportPair";

export type LifecycleSummary = NonNullable<NonNullable<ReportModel["lifecycle"]>[TargetId]>;

/** A point of a line; x only on a chart with a numeric x-axis (LineChartData.xUnit). */
export interface LinePoint {
  x?: number;
  y: number;
}

export interface LineSeries {
  label: string;
  /** Whose colour the line is drawn in. */
  target: ReportTarget;
  role: RunRole;
  /** One per category (null: no value), or the points of a numeric x-axis. */
  points: (LinePoint | null)[];
}

export interface LineChartData {
  kind: "line";
  id: string;
  title: string;
  subtitle: string;
  unit: string;
  /** The x-axis: these categories, or numbers in xUnit. */
  categories: string[];
  xUnit?: string;
  /** False draws the points alone (a scatter). */
  showLine: boolean;
  series: LineSeries[];
}

const MIB = 2 ** 20;

/** Time travel reads round 0's versions, not a new state: the degradation line leaves it out. */
const TIME_TRAVEL = "time-travel";

/** Each target of the shown runs that has a lifecycle step, with that step per run. */
function lifecycleTargets(pair: ReportPair): { target: ReportTarget; role: RunRole; summary: LifecycleSummary }[] {
  return targetsOf(pair).flatMap((target) =>
    roles(pair).flatMap(({ role, model }) => {
      const summary = model.lifecycle?.[target.id];
      return summary ? [{ target, role, summary }] : [];
    }),
  );
}

export const hasLifecycle = (pair: ReportPair): boolean => lifecycleTargets(pair).length > 0;

/** Distinct values in first-seen order. */
const unique = (values: string[]) => [...new Set(values)];

export function degradationChart(pair: ReportPair): LineChartData | null {
  const shown = lifecycleTargets(pair);
  if (!shown.length) return null;
  const comparing = Boolean(pair.compare);
  const passes = unique(shown.flatMap(({ summary }) => summary.passes.map((p) => p.pass).filter((p) => p !== TIME_TRAVEL)));
  return {
    kind: "line",
    id: "lifecycle-degradation",
    title: "Read degradation over the rounds of change",
    subtitle: "The queries' total seconds after each round, then after the format's maintenance; a gap where a pass lacked a query.",
    unit: "s",
    categories: passes,
    showLine: true,
    series: shown.map(({ target, role, summary }) => ({
      label: seriesLabel(target, role, comparing),
      target,
      role,
      points: passes.map((name) => {
        const sum = summary.passes.find((p) => p.pass === name)?.sumSeconds;
        return typeof sum === "number" ? { y: sum } : null;
      }),
    })),
  };
}

const storageAfter = (point: LifecycleSummary["storage"][number]) => (point.after === "maintenance" ? "maintenance" : `round ${point.round}`);

export function lifecycleStorageChart(pair: ReportPair): BarChartData | null {
  const shown = lifecycleTargets(pair);
  if (!shown.length) return null;
  const comparing = Boolean(pair.compare);
  const categories = unique(shown.flatMap(({ summary }) => summary.storage.map(storageAfter)));
  const series = shown.flatMap(({ target, role, summary }): BarSeries[] =>
    (["live", "dead"] as const).map((part) => ({
      label: `${seriesLabel(target, role, comparing)} ${part === "live" ? "live data" : "dead bytes"}`,
      target,
      role,
      stack: `${target.id}·${role}`,
      shade: part === "live" ? "solid" : "light",
      values: categories.map((after) => {
        const point = summary.storage.find((p) => storageAfter(p) === after);
        return point ? { y: (part === "live" ? point.liveBytes : point.deadBytes) / MIB } : null;
      }),
    })),
  );
  return {
    id: "lifecycle-storage",
    title: "Storage of orders and lineitem per round",
    subtitle: "MiB on disk: live data a read scans (solid) and dead bytes (light: replaced files, delete files, logs, metadata).",
    unit: "MiB",
    categories,
    series,
    errorBars: false,
    colorByCategory: false,
  };
}

const OPERATIONS = [
  { key: "rf1", label: "RF1", shade: "solid" },
  { key: "rf2", label: "RF2", shade: "medium" },
  { key: "upsert", label: "upsert", shade: "light" },
] as const;

export function changeTimesChart(pair: ReportPair): BarChartData | null {
  const shown = lifecycleTargets(pair);
  if (!shown.length) return null;
  const comparing = Boolean(pair.compare);
  const rounds = [...new Set(shown.flatMap(({ summary }) => summary.changes.map((c) => c.round)))].sort((a, b) => a - b);
  const series = shown.flatMap(({ target, role, summary }): BarSeries[] =>
    OPERATIONS.map((op) => ({
      label: `${seriesLabel(target, role, comparing)} ${op.label}`,
      target,
      role,
      stack: `${target.id}·${role}`,
      shade: op.shade,
      values: rounds.map((round) => {
        const change = summary.changes.find((c) => c.round === round);
        return change ? { y: change[op.key] } : null;
      }),
    })),
  );
  return {
    id: "lifecycle-changes",
    title: "Change operations per round",
    subtitle: "Seconds of RF1 (insert, solid), RF2 (delete, medium) and the upsert (MERGE, light), stacked per format.",
    unit: "s",
    categories: rounds.map((r) => `round ${r}`),
    series,
    errorBars: false,
    colorByCategory: false,
  };
}

export function maintenanceChart(pair: ReportPair): LineChartData | null {
  const shown = lifecycleTargets(pair).filter(({ summary }) => summary.summary.recovery !== null);
  if (!shown.length) return null;
  const comparing = Boolean(pair.compare);
  return {
    kind: "line",
    id: "lifecycle-maintenance",
    title: "Maintenance against recovery",
    subtitle: "Seconds of the format's maintenance procedures (x) and the queries' total after it over round 0's (y): 1× is back to round 0.",
    unit: "× round 0",
    categories: [],
    xUnit: "s",
    showLine: false,
    series: shown.map(({ target, role, summary }) => ({
      label: seriesLabel(target, role, comparing),
      target,
      role,
      points: [{ x: summary.summary.maintenanceSeconds, y: summary.summary.recovery! }],
    })),
  };
}
