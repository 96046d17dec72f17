/**
 * The report's view of a target's lifecycle step: its metrics file (phases/lifecycleMetrics.ts)
 * without the per-query detail, which stays in the metrics file, except the last round's
 * per-query seconds that the variant verdict's read interval resamples.
 */
import type { LifecycleMetrics } from "../phases/lifecycleMetrics";

export type LifecycleSummary = Pick<LifecycleMetrics, "rounds" | "queries" | "methods" | "changes" | "storage" | "maintenance" | "timeTravel" | "summary" | "resumed"> & {
  passes: Omit<LifecycleMetrics["passes"][number], "queries">[];
  totals: Pick<LifecycleMetrics["totals"], "checked" | "passed" | "failed" | "mismatched" | "countMismatches" | "unsupported">;
  /** Each completed query's seconds in the pass after the last round (absent in older reports). */
  lastRoundSeconds?: Record<string, number>;
};

/** The pass that read the tables after the last round of change. */
export const lastRoundPass = (rounds: number): string => `round-${rounds}`;

export function summarizeLifecycle(metrics: LifecycleMetrics): LifecycleSummary {
  const { rounds, queries, methods, changes, storage, maintenance, timeTravel, summary, totals, resumed } = metrics;
  const last = metrics.passes.find((p) => p.pass === lastRoundPass(rounds));
  const lastRoundSeconds = Object.fromEntries(Object.entries(last?.queries ?? {}).flatMap(([q, r]) => (r.status === "completed" && r.seconds !== undefined ? [[q, r.seconds]] : [])));
  return {
    rounds,
    queries,
    methods,
    changes,
    storage,
    maintenance,
    timeTravel,
    summary,
    ...(resumed ? { resumed } : {}),
    passes: metrics.passes.map((p) => ({ pass: p.pass, state: p.state, sumSeconds: p.sumSeconds, geometricMeanSeconds: p.geometricMeanSeconds, slowdown: p.slowdown })),
    lastRoundSeconds,
    totals,
  };
}
