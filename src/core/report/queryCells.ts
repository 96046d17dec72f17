/**
 * A query's cells in the report model, from the per-format metrics: the runs, the median's
 * interval, planning apart from execution, and whether the runs are steady enough to rank.
 */
import { median } from "simple-statistics";
import type { Framework } from "../config/keys";
import { medianConfidenceInterval } from "../metrics/medianInterval";
import { querySpread, type QuerySpread } from "../metrics/querySpread";
import type { QueryMetrics } from "../spark/goldPhase";
import type { QueryCell, QueryRow } from "./model";

/** The per-format metrics of one query; older metrics files lack the optional fields. */
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

/** Whether this query's runs rank the formats; undefined when no format has runs. */
export function rowSpread(byFramework: QueryRow["byFramework"]): QuerySpread | undefined {
  const cells = (Object.entries(byFramework) as [Framework, QueryCell][]).flatMap(([framework, cell]) =>
    cell.status === "completed" && cell.statistics
      ? [{ framework, median: cell.statistics.median, interval: cell.medianInterval ?? null, runs: cell.statistics.n, stoppedBy: cell.stoppedBy }]
      : [],
  );
  return querySpread(cells);
}
