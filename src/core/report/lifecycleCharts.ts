/**
 * The lifecycle section's four charts, described from the model: query time per pass (read
 * degradation), storage per round (live against dead bytes), change seconds per round, and
 * maintenance cost against recovery. Rendered by svgChart and svgLineChart.
 */
import { legendRoom } from "./charts";
import type { LifecycleSummary } from "./lifecycleSummary";
import type { ReportModel, ReportTarget } from "./model";
import type { BarChart } from "./svgChart";
import type { XyChart } from "./svgLineChart";

const MIB = 2 ** 20;

/** The targets that ran the lifecycle, in the report's order. */
export function lifecycleTargets(model: Pick<ReportModel, "targets" | "lifecycle">): [ReportTarget, LifecycleSummary][] {
  return model.targets.flatMap((t) => (model.lifecycle?.[t.id] ? [[t, model.lifecycle[t.id]!] as [ReportTarget, LifecycleSummary]] : []));
}

const mostRounds = (model: ReportModel) => Math.max(0, ...lifecycleTargets(model).map(([, s]) => s.rounds));
const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** Round 0 to the last round, then after maintenance; time travel reads round 0 again, so it is left out. */
export function degradationChart(model: ReportModel): XyChart {
  const passes = [...range(0, mostRounds(model)).map((r) => `round-${r}`), "maintained"];
  return {
    title: "Queries' total time per pass: rounds of change, then maintenance",
    xUnit: "pass",
    yUnit: "s",
    xLabels: passes,
    lines: true,
    series: lifecycleTargets(model).map(([t, s]) => ({
      name: t.label,
      color: t.colour,
      points: passes.map((pass, x) => {
        const y = s.passes.find((p) => p.pass === pass)?.sumSeconds ?? null;
        return { x, y, label: `${t.label} ${pass}: ${y === null ? "not every query completed" : `${y.toFixed(3)} s`}` };
      }),
    })),
  };
}

/** A stacked bar chart: a series per target, a bar per category split into the named parts. */
function stackedChart(model: ReportModel, frame: Pick<BarChart, "title" | "unit" | "categories">, parts: string[], bar: (s: LifecycleSummary, category: number) => number[] | undefined): BarChart {
  const targets = lifecycleTargets(model);
  return {
    ...frame,
    stack: parts,
    minGroupWidth: legendRoom(targets.length + parts.length, Math.max(1, frame.categories.length), 0),
    series: targets.map(([t, s]) => ({
      name: t.label,
      color: t.colour,
      values: frame.categories.map((_, i) => {
        const values = bar(s, i);
        return values ? { value: values.reduce((sum, v) => sum + v, 0), parts: values } : { value: null };
      }),
    })),
  };
}

const STORAGE_PARTS = ["live data", "dead bytes"];

/** A stacked bar per target and round: the bytes a read scans, and the bytes it no longer does. */
export function lifecycleStorageChart(model: ReportModel): BarChart {
  const points = [...range(0, mostRounds(model)).map((round) => ({ round, after: "round" as const })), { round: null, after: "maintenance" as const }];
  const categories = points.map((p) => (p.after === "maintenance" ? "maintenance" : `round ${p.round}`));
  return stackedChart(model, { title: "Storage of orders and lineitem per round", unit: "MiB", categories }, STORAGE_PARTS, (s, i) => {
    const point = s.storage.find((x) => x.after === points[i].after && (points[i].after === "maintenance" || x.round === points[i].round));
    return point && [point.liveBytes / MIB, point.deadBytes / MIB];
  });
}

const CHANGE_PARTS = ["RF1 (insert)", "RF2 (delete)", "upsert (MERGE)"];

/** A stacked bar per target and round: RF1, RF2 and the upsert's seconds. */
export function changeTimesChart(model: ReportModel): BarChart {
  const rounds = range(1, mostRounds(model));
  return stackedChart(model, { title: "Change operations per round", unit: "s", categories: rounds.map((r) => `round ${r}`) }, CHANGE_PARTS, (s, i) => {
    const c = s.changes.find((x) => x.round === rounds[i]);
    return c && [c.rf1, c.rf2, c.upsert];
  });
}

/** A point per target: what maintenance cost, and how close it brought the reads back to round 0. */
export function maintenanceRecoveryChart(model: ReportModel): XyChart {
  return {
    title: "Maintenance cost against recovery (total after maintenance / round 0)",
    xUnit: "maintenance seconds",
    yUnit: "× round 0",
    lines: false,
    reference: { y: 1, label: "1×: as fast as round 0" },
    series: lifecycleTargets(model).map(([t, s]) => ({
      name: t.label,
      color: t.colour,
      points: [
        {
          x: s.summary.maintenanceSeconds,
          y: s.summary.recovery,
          label: `${t.label}: maintenance ${s.summary.maintenanceSeconds.toFixed(1)} s, recovery ${s.summary.recovery === null ? "–" : `${s.summary.recovery.toFixed(2)}×`}`,
        },
      ],
    })),
  };
}
