/**
 * A query's cells in the report model, from the per-target metrics: the runs, the median's
 * interval, planning apart from execution, and whether the runs are steady enough to rank.
 */
import { median } from "simple-statistics";
import { medianConfidenceInterval } from "../metrics/medianInterval";
import { querySpread, type QuerySpread } from "../metrics/querySpread";
import type { TargetId } from "../phase/targets";
import type { QueryCell, QueryRow } from "../report/model";
import { targetLabel } from "../report/targetLabels";
import type { QueryMetrics } from "./metricsFile";

/** The per-target metrics of one query; older metrics files lack the optional fields. */
export type QueryMetricsInput = Omit<QueryMetrics, "planningSeconds" | "stoppedBy"> & {
  planningSeconds?: number[];
  stoppedBy?: "width" | "cap" | "fixed";
};

export function queryCell(query: QueryMetricsInput): QueryCell {
  const runs = query.seconds ?? [];
  const interval = query.status === "completed" ? medianConfidenceInterval(runs) : null;
  return {
    status: query.status,
    error: query.error,
    statistics: query.statistics,
    ...(runs.length ? { seconds: runs } : {}),
    ...(interval ? { medianInterval: interval } : {}),
    ...planningSplit(runs, query.planningSeconds),
    ...(query.stoppedBy ? { stoppedBy: query.stoppedBy } : {}),
    rows: query.rows,
    hash: query.hash,
    answer: query.answer,
  };
}

/**
 * Medians of planning and of execution (a run's seconds minus its planning seconds): the
 * timed run covers both, so the two medians need not add up to the run's median.
 */
export function planningSplit(seconds: number[], planning: number[] | undefined): Pick<QueryCell, "planningMedian" | "executionMedian"> {
  if (!planning?.length || planning.length !== seconds.length) return {};
  return { planningMedian: median(planning), executionMedian: median(seconds.map((s, i) => Math.max(0, s - planning[i]))) };
}

/**
 * Whether this query's runs rank the targets; undefined when no target has runs. The spread's
 * detail names each target by `labelOf` (the format descriptor's label unless told otherwise).
 */
export function rowSpread(byTarget: QueryRow["byTarget"], labelOf: (id: TargetId) => string = targetLabel): QuerySpread | undefined {
  const cells = (Object.entries(byTarget) as [TargetId, QueryCell][]).flatMap(([target, cell]) =>
    cell.status === "completed" && cell.statistics
      ? [{ target, label: labelOf(target), median: cell.statistics.median, interval: cell.medianInterval ?? null, runs: cell.statistics.n, stoppedBy: cell.stoppedBy }]
      : [],
  );
  return querySpread(cells);
}
