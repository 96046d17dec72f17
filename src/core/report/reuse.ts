/**
 * Figures a run took over from earlier runs: phases it found up to date were not measured
 * again, so their times are the earlier run's. Reports say so; comparisons must not read
 * "within noise" into a figure compared with itself.
 */
import type { TargetId } from "../phase/targets";
import type { ReportModel } from "./model";

/** One sentence per target whose load, query or power and throughput figures come from another run. */
export function reusedFigures(model: ReportModel): string[] {
  const fromEarlierRun = (id: string | undefined): id is string => id !== undefined && id !== model.benchmarkId;
  return model.targets.flatMap((target) => {
    const { load, queries, qphh } = model.measuredIn?.[target.id] ?? {};
    const parts: string[] = [];
    if (fromEarlierRun(load)) parts.push(`load measured in run ${load}`);
    if (fromEarlierRun(queries)) parts.push(`query times measured in run ${queries}`);
    if (fromEarlierRun(qphh)) parts.push(`power and throughput test measured in run ${qphh}`);
    return parts.length ? [`${target.label}: ${parts.join("; ")} (up to date, not rerun)`] : [];
  });
}

/** Whether both reports show the very same query measurement of this target. */
export function sameQueryMeasurement(a: ReportModel, b: ReportModel, target: TargetId): boolean {
  const measuredA = a.measuredIn?.[target]?.queries;
  return measuredA !== undefined && measuredA === b.measuredIn?.[target]?.queries;
}
