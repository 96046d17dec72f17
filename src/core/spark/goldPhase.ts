/**
 * Gold: one Spark application runs the TPC-H queries on one format; each answer is then
 * checked against DuckDB's and each query's runs are summarized.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { compareAnswers, type AnswerCheck } from "../answers/compare";
import { ensureOracleAnswers, type AnswerFile } from "../answers/oracle";
import type { Framework } from "../config/keys";
import { describeRuns, geometricMean, type RunStatistics } from "../metrics/statistics";
import { PhaseFailedError } from "../pipeline/errors";
import { runPhaseCommand, type PhaseContext } from "../pipeline/phaseContext";
import { readJson, writeJson } from "../runners/jsonFile";
import { sparkSubmitCommand } from "../runners/sparkSubmit";
import { formatOptions, optionArgs } from "./formatOptions";

interface RawQueryRun {
  status: "completed" | "failed";
  error?: string;
  warmup_seconds?: number[];
  seconds?: number[];
  rows?: number;
  hash?: string;
}

interface RawGoldOutput {
  framework: Framework;
  spark_version: string;
  queries_hash: string;
  queries: Record<string, RawQueryRun>;
}

export interface QueryMetrics {
  status: "completed" | "failed";
  error?: string;
  warmupSeconds: number[];
  seconds: number[];
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
  iterations: number;
  queries: Record<string, QueryMetrics>;
  totals: { sumOfMedians: number; geometricMeanOfMedians: number | null; passed: number; failed: string[]; mismatched: string[] };
}

export const goldFiles = (dir: string, framework: Framework) => ({
  raw: path.join(dir, `${framework}.raw.json`),
  answers: path.join(dir, `${framework}.answers.json`),
  metrics: path.join(dir, `${framework}.json`),
});

export async function runGoldPhase(ctx: PhaseContext, framework: Framework): Promise<Record<string, unknown>> {
  const { layout, config } = ctx;
  const files = goldFiles(layout.metricsDir(ctx.benchmarkId), framework);
  await Promise.all(Object.values(files).map((f) => fs.rm(f, { force: true })));
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
        "--iterations", String(config.iterations),
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
    const runs = (event.seconds as number[] | undefined) ?? [];
    const shown = event.status === "completed" ? `${describeRuns(runs).median.toFixed(3)} s median of ${runs.length}` : `FAILED ${event.error}`;
    ctx.progress(`gold_${framework}: ${event.query} ${shown}`);
  });
  const metrics = buildMetrics(ctx, framework, await readJson<RawGoldOutput>(files.raw), await readJson<AnswerFile>(files.answers), oracle);
  await writeJson(files.metrics, metrics);
  const result = { metricsFile: files.metrics, answersFile: files.answers, oracleFile: oracle.file, ...metrics.totals, queries: Object.keys(metrics.queries).length };
  const { failed, mismatched } = metrics.totals;
  if (failed.length || mismatched.length) {
    const parts = [failed.length ? `failed: ${failed.join(", ")}` : "", mismatched.length ? `wrong answers: ${mismatched.join(", ")}` : ""];
    throw new PhaseFailedError(`gold_${framework}`, parts.filter(Boolean).join("; "), result);
  }
  return result;
}

function buildMetrics(
  ctx: PhaseContext,
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
    queries,
    totals: {
      sumOfMedians: medians.reduce((a, b) => a + b, 0),
      geometricMeanOfMedians: geometricMean(medians),
      passed: entries.filter(([, q]) => q.status === "completed" && q.answer.status === "match").length,
      failed: entries.filter(([, q]) => q.status === "failed").map(([n]) => n),
      mismatched: entries.filter(([, q]) => q.answer.status !== "match" && q.status === "completed").map(([n]) => n),
    },
  };
}
