/**
 * Queries (gold): the target's engine runs the TPC-H queries on its format; each answer is
 * then checked against DuckDB's and each query's runs are summarized.
 */
import { compareAnswers } from "../answers/compare";
import { ensureOracleAnswers } from "../answers/oracle";
import type { BenchConfig } from "../config/benchConfig";
import type { EngineSession } from "../engines";
import { readJobOutput } from "../engines/jobOutput";
import { answerFileSchema, queryOutputSchema, type AnswerFile, type QueryOutput } from "../engines/outputs";
import { describeRuns, geometricMean } from "../metrics/statistics";
import type { PhaseContext } from "../phase/context";
import { PhaseFailedError } from "../phase/errors";
import type { DataLayout } from "../phase/layout";
import { removeOwned } from "../phase/ownedPaths";
import type { Target } from "../phase/targets";
import { writeJson } from "../runners/jsonFile";
import { metricsFileSchema, type QueriesMetrics, type QueryMetrics } from "./metricsFile";
import type { QueriesResult } from "./results";

export type { QueriesMetrics, QueryMetrics } from "./metricsFile";

/** The files a run wrote for one target; removal checks each lies inside what the run owns. */
export async function removeQueryOutputs(layout: DataLayout, benchmarkId: string, target: Target): Promise<void> {
  await Promise.all(Object.values(layout.queryFiles(benchmarkId, target)).map((f) => removeOwned(f, layout.ownedRoots)));
}

export async function runQueriesPhase(ctx: PhaseContext, engine: EngineSession, target: Target): Promise<QueriesResult> {
  const { layout } = ctx;
  await engine.beforePhase(ctx);
  const files = layout.queryFiles(ctx.benchmarkId, target);
  await removeQueryOutputs(layout, ctx.benchmarkId, target);
  const oracle = await ensureOracleAnswers(ctx);
  await engine.runQueries(ctx, {
    format: target.format,
    output: files.raw,
    answers: files.answers,
    onEvent: (event) => {
      if (event.event !== "query_done") return;
      const runs = Array.isArray(event.seconds) ? event.seconds.filter((s): s is number => typeof s === "number") : [];
      const stop = event.stopped_by === "width" ? ", interval narrow enough" : event.stopped_by === "cap" ? ", cap reached" : "";
      const shown = event.status === "completed" && runs.length ? `${describeRuns(runs).median.toFixed(3)} s median of ${runs.length}${stop}` : `FAILED ${String(event.error)}`;
      ctx.progress(`${ctx.phase}: ${event.query} ${shown}`);
    },
  });
  const raw = await readJobOutput(ctx.phase, files.raw, queryOutputSchema);
  const answers = await readJobOutput(ctx.phase, files.answers, answerFileSchema);
  const metrics = metricsFileSchema.parse(buildMetrics(ctx, target, raw, answers, oracle));
  await writeJson(files.metrics, metrics);
  const result: QueriesResult = { metricsFile: files.metrics, answersFile: files.answers, oracleFile: oracle.file, ...metrics.totals, queries: Object.keys(metrics.queries).length };
  const { failed, mismatched } = metrics.totals;
  if (failed.length || mismatched.length) {
    const parts = [failed.length ? `failed: ${failed.join(", ")}` : "", mismatched.length ? `wrong answers: ${mismatched.join(", ")}` : ""];
    throw new PhaseFailedError(ctx.phase, parts.filter(Boolean).join("; "), result);
  }
  return result;
}

export function buildMetrics(
  ctx: Pick<PhaseContext, "benchmarkId"> & { config: Pick<BenchConfig, "scaleFactor" | "warmupRuns" | "iterations"> },
  target: Target,
  raw: QueryOutput,
  answers: AnswerFile,
  oracle: { file: string; answers: AnswerFile },
): QueriesMetrics {
  const queries: Record<string, QueryMetrics> = {};
  for (const [name, run] of Object.entries(raw.queries)) {
    const seconds = run.seconds ?? [];
    queries[name] = {
      status: run.status,
      error: run.error,
      warmupSeconds: run.warmup_seconds ?? [],
      seconds,
      planningSeconds: run.planning_seconds ?? [],
      stoppedBy: run.stopped_by,
      statistics: seconds.length ? describeRuns(seconds) : undefined,
      rows: run.rows,
      hash: run.hash,
      answer: run.status === "completed"
        ? compareAnswers(answers.queries[name], oracle.answers.queries[name], oracle.answers.engine)
        : { status: "unchecked", detail: "the query failed" },
    };
  }
  const entries = Object.entries(queries);
  const medians = entries.flatMap(([, q]) => (q.statistics ? [q.statistics.median] : []));
  return {
    schemaVersion: 2,
    benchmarkId: ctx.benchmarkId,
    target: target.id,
    engine: target.engine,
    format: target.format,
    scaleFactor: ctx.config.scaleFactor,
    engineVersion: raw.engine_version,
    queriesHash: raw.queries_hash,
    oracle: oracle.answers.engine,
    warmupRuns: ctx.config.warmupRuns,
    iterations: ctx.config.iterations,
    iterationMode: raw.iteration_mode ?? "fixed",
    ...(raw.iteration_mode === "auto" && raw.max_iterations && raw.target_relative_half_width
      ? { maxIterations: raw.max_iterations, targetRelativeHalfWidth: raw.target_relative_half_width }
      : {}),
    queries,
    ...(raw.common_settings && raw.format_settings ? { settings: { common: raw.common_settings, format: raw.format_settings } } : {}),
    totals: {
      sumOfMedians: medians.reduce((a, b) => a + b, 0),
      geometricMeanOfMedians: geometricMean(medians),
      passed: entries.filter(([, q]) => q.status === "completed" && q.answer.status === "match").length,
      failed: entries.filter(([, q]) => q.status === "failed").map(([n]) => n),
      mismatched: entries.filter(([, q]) => q.answer.status !== "match" && q.status === "completed").map(([n]) => n),
    },
  };
}
