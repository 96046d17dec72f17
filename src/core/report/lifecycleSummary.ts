/**
 * The report's view of a target's lifecycle step: its metrics file (phases/lifecycleMetrics.ts)
 * without the per-query detail, which stays in the metrics file.
 */
import type { LifecycleMetrics } from "../phases/lifecycleMetrics";

export type LifecycleSummary = Pick<LifecycleMetrics, "rounds" | "queries" | "methods" | "changes" | "storage" | "maintenance" | "timeTravel" | "summary"> & {
  passes: Omit<LifecycleMetrics["passes"][number], "queries">[];
  totals: Pick<LifecycleMetrics["totals"], "checked" | "passed" | "failed" | "mismatched" | "countMismatches" | "unsupported">;
};

export function summarizeLifecycle(metrics: LifecycleMetrics): LifecycleSummary {
  const { rounds, queries, methods, changes, storage, maintenance, timeTravel, summary, totals } = metrics;
  return {
    rounds,
    queries,
    methods,
    changes,
    storage,
    maintenance,
    timeTravel,
    summary,
    passes: metrics.passes.map((p) => ({ pass: p.pass, state: p.state, sumSeconds: p.sumSeconds, geometricMeanSeconds: p.geometricMeanSeconds, slowdown: p.slowdown })),
    totals,
  };
}
