/**
 * Figures a run took over from earlier runs: phases it found up to date were not measured
 * again, so their times are the earlier run's. Reports say so; comparisons must not read
 * "within noise" into a figure compared with itself.
 */
import type { Framework } from "../config/keys";
import type { ReportModel } from "./model";

/** One sentence per format whose load or query figures come from another run. */
export function reusedFigures(model: ReportModel): string[] {
  const fromEarlierRun = (id: string | undefined): id is string => id !== undefined && id !== model.benchmarkId;
  return model.frameworks.flatMap((framework) => {
    const { load, queries } = model.measuredIn?.[framework] ?? {};
    const parts: string[] = [];
    if (fromEarlierRun(load)) parts.push(`load measured in run ${load}`);
    if (fromEarlierRun(queries)) parts.push(`query times measured in run ${queries}`);
    return parts.length ? [`${framework}: ${parts.join("; ")} (up to date, not rerun)`] : [];
  });
}

/** Whether both reports show the very same query measurement of this format. */
export function sameQueryMeasurement(a: ReportModel, b: ReportModel, framework: Framework): boolean {
  const measuredA = a.measuredIn?.[framework]?.queries;
  return measuredA !== undefined && measuredA === b.measuredIn?.[framework]?.queries;
}
