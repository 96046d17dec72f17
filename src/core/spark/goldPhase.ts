/**
 * Gold: one Spark application runs the TPC-H queries on one format; each answer is then
 * checked against DuckDB's and each query's runs are summarized.
 */
import path from "node:path";
import { compareAnswers, type AnswerCheck } from "../answers/compare";
import { ensureOracleAnswers, type AnswerFile } from "../answers/oracle";
import type { BenchConfig } from "../config/benchConfig";
import type { Framework } from "../config/keys";
import { describeRuns, geometricMean, type RunStatistics } from "../metrics/statistics";
import { PhaseFailedError } from "../pipeline/errors";
import type { DataLayout } from "../pipeline/layout";
import { removeOwned } from "../pipeline/ownedPaths";
import { runPhaseCommand, type PhaseContext } from "../pipeline/phaseContext";
import { writeJson } from "../runners/jsonFile";
import { sparkSubmitCommand } from "../runners/sparkSubmit";
import { formatOptions, optionArgs } from "./formatOptions";
import { answerFileSchema, rawGoldOutputSchema, type EngineSetting, type IterationMode, type RawGoldOutput, type StoppedBy } from "./goldJobOutput";
import { readJobOutput } from "./jobOutput";

export interface QueryMetrics {
  status: "completed" | "failed";
  error?: string;
  warmupSeconds: number[];
  seconds: number[];
  /** Parallel to seconds: parse, analysis, optimisation and physical planning (the format's metadata and log reads included); empty when not measured. */
  planningSeconds: number[];
  /** Why the timed runs stopped: a fixed count, the median's interval narrow enough, or the cap (absent for a failed query). */
  stoppedBy?: StoppedBy;
  statistics?: RunStatistics;
  rows?: number;
  hash?: string;
  answer: AnswerCheck;
}

/** The documented per-format metrics file (docs/metrics.md). */
export interface GoldMetrics {
  schemaVersion: 1;
  benchmarkId: string;
  framework: Framework;
  scaleFactor: number;
  sparkVersion: string;
  queriesHash: string;
  oracle: string;
  warmupRuns: number;
  /** Fixed: the timed runs per query; auto: the minimum. */
  iterations: number;
  iterationMode: IterationMode;
  /** Auto mode only: the cap and the target ± width of the median's 95 % interval, as a fraction of the median. */
  maxIterations?: number;
  targetRelativeHalfWidth?: number;
  queries: Record<string, QueryMetrics>;
  /** The engine settings the session shared with every format, and the format's own (absent in older runs). */
  settings?: { common: EngineSetting[]; format: EngineSetting[] };
  totals: { sumOfMedians: number; geometricMeanOfMedians: number | null; passed: number; failed: string[]; mismatched: string[] };
}

export const goldFiles = (dir: string, framework: Framework) => ({
  raw: path.join(dir, `${framework}.raw.json`),
  answers: path.join(dir, `${framework}.answers.json`),
  metrics: path.join(dir, `${framework}.json`),
});

/** The gold files a run wrote for one format; removal checks each lies inside what the run owns. */
export async function removeGoldOutputs(layout: DataLayout, benchmarkId: string, framework: Framework): Promise<void> {
  await Promise.all(Object.values(goldFiles(layout.metricsDir(benchmarkId), framework)).map((f) => removeOwned(f, layout.ownedRoots)));
}

export async function runGoldPhase(ctx: PhaseContext, framework: Framework): Promise<Record<string, unknown>> {
  const { layout, config } = ctx;
  const files = goldFiles(layout.metricsDir(ctx.benchmarkId), framework);
  await removeGoldOutputs(layout, ctx.benchmarkId, framework);
  const oracle = await ensureOracleAnswers(ctx);
  const command = sparkSubmitCommand(
    {
      script: "gold/run_queries.py",
      framework,
      appName: `lakebench-gold-${framework}`,
      args: [
        "--framework", framework,
        "--silver-root", layout.silverRoot(framework),
        "--namespace", layout.namespace,
        "--codec", config.parquetCodec,
        "--scale-factor", String(config.scaleFactor),
        "--queries", config.queries.join(","),
        "--warmup-runs", String(config.warmupRuns),
        ...iterationArgs(config),
        "--output", files.raw,
        "--answers", files.answers,
        ...optionArgs(formatOptions(framework, config)),
      ],
    },
    config,
    ctx.runtime,
  );
  await runPhaseCommand(ctx, command, (event) => {
    if (event.event !== "query_done") return;
    const runs = Array.isArray(event.seconds) ? event.seconds.filter((s): s is number => typeof s === "number") : [];
    const stop = event.stopped_by === "width" ? ", interval narrow enough" : event.stopped_by === "cap" ? ", cap reached" : "";
    const shown = event.status === "completed" && runs.length ? `${describeRuns(runs).median.toFixed(3)} s median of ${runs.length}${stop}` : `FAILED ${String(event.error)}`;
    ctx.progress(`gold_${framework}: ${event.query} ${shown}`);
  });
  const phase = `gold_${framework}`;
  const raw = await readJobOutput(phase, files.raw, rawGoldOutputSchema);
  const answers = await readJobOutput(phase, files.answers, answerFileSchema);
  const metrics = buildMetrics(ctx, framework, raw, answers, oracle);
  await writeJson(files.metrics, metrics);
  const result = { metricsFile: files.metrics, answersFile: files.answers, oracleFile: oracle.file, ...metrics.totals, queries: Object.keys(metrics.queries).length };
  const { failed, mismatched } = metrics.totals;
  if (failed.length || mismatched.length) {
    const parts = [failed.length ? `failed: ${failed.join(", ")}` : "", mismatched.length ? `wrong answers: ${mismatched.join(", ")}` : ""];
    throw new PhaseFailedError(`gold_${framework}`, parts.filter(Boolean).join("; "), result);
  }
  return result;
}

/** The job's run-count arguments: a fixed count, or (QUERY_ITERATIONS=auto) a minimum, a cap and a target width. */
export function iterationArgs(config: Pick<BenchConfig, "iterations" | "autoIterations">): string[] {
  const fixed = ["--iterations", String(config.iterations)];
  const auto = config.autoIterations;
  if (!auto) return fixed;
  return [...fixed, "--iteration-mode", "auto", "--max-iterations", String(auto.maxIterations), "--target-relative-half-width", String(auto.targetRelativeHalfWidth)];
}

export function buildMetrics(
  ctx: Pick<PhaseContext, "benchmarkId" | "config">,
  framework: Framework,
  raw: RawGoldOutput,
  answers: AnswerFile,
  oracle: { file: string; answers: AnswerFile },
): GoldMetrics {
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
    schemaVersion: 1,
    benchmarkId: ctx.benchmarkId,
    framework,
    scaleFactor: ctx.config.scaleFactor,
    sparkVersion: raw.spark_version,
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
