/**
 * Spark as an engine: one Spark application per format and phase (spark-submit of a
 * PySpark job in spark-jobs/), local, on a standalone cluster or in the Compose cluster.
 */
import type { BenchConfig } from "../../config/benchConfig";
import type { FormatId } from "../../config/keys";
import { formatOf, formatOptions, optionArgs } from "../../formats";
import { runPhaseCommand, type PhaseContext } from "../../phase/context";
import type { DataLayout } from "../../phase/layout";
import type { Engine, EngineSession, LifecycleJob, LoadJob, QueryJob, RefreshTestJob } from "../engine";
import { assertClusterCanHostExecutor } from "./clusterCapacity";
import { sparkRuntime, type SparkRuntime } from "./runtime";
import { removeOrphanedSecretProperties, removeSecretProperties, writeSecretProperties } from "./secretProperties";
import { sparkSubmitCommand } from "./sparkSubmit";
import { iterationArgs } from "./iterationArgs";
import { sparkVersions } from "./versions";

export const sparkEngine: Engine = {
  id: "spark",
  label: "Spark",
  versions: sparkVersions,
  assertInstalled: (toolchain, formats) => toolchain.assertInstalled(formats.map((f) => formatOf(f).family)),
  async open(config, toolchain) {
    const secretFile = await writeSecretProperties(config);
    return new SparkEngineSession(config, sparkRuntime(config, toolchain, secretFile), secretFile);
  },
  removeLeftovers: (layout: DataLayout) => removeOrphanedSecretProperties(layout.privateDir, layout.ownedRoots),
};

/** Spark opened for one run: its runtime (where spark-submit runs) and the secret file it wrote. */
class SparkEngineSession implements EngineSession {
  readonly id = "spark";

  constructor(private readonly config: BenchConfig, private readonly runtime: SparkRuntime, private readonly secretFile?: string) {}

  /** The Spark settings that can change a measurement (not the secret, not the worker sizes). */
  measurementSettings() {
    const { spark } = this.config;
    return { master: spark.master, driverMemory: spark.driverMemory, executorMemory: spark.executorMemory, executorCores: spark.executorCores, shufflePartitions: spark.shufflePartitions };
  }

  beforePhase(ctx: PhaseContext): Promise<void> {
    return assertClusterCanHostExecutor(ctx.config, (message) => ctx.progress(message), ctx.signal);
  }

  async load(ctx: PhaseContext, job: LoadJob): Promise<void> {
    const args = loadJobArgs(ctx.config, ctx.layout, job);
    await runPhaseCommand(ctx, this.submit("silver/convert.py", `lakebench-silver-${job.format}`, job.format, args), job.onEvent);
  }

  async runQueries(ctx: PhaseContext, job: QueryJob): Promise<void> {
    const args = queryJobArgs(ctx.config, ctx.layout, job);
    await runPhaseCommand(ctx, this.submit("gold/run_queries.py", `lakebench-gold-${job.format}`, job.format, args), job.onEvent);
  }

  async runRefreshTest(ctx: PhaseContext, job: RefreshTestJob): Promise<void> {
    const args = refreshTestJobArgs(ctx.config, ctx.layout, job);
    await runPhaseCommand(ctx, this.submit("refresh/qphh.py", `lakebench-qphh-${job.format}`, job.format, args), job.onEvent);
  }

  async runLifecycle(ctx: PhaseContext, job: LifecycleJob): Promise<void> {
    const args = lifecycleJobArgs(ctx.config, ctx.layout, job);
    await runPhaseCommand(ctx, this.submit("lifecycle/run_lifecycle.py", `lakebench-lifecycle-${job.format}`, job.format, args), job.onEvent);
  }

  close(): Promise<void> {
    return removeSecretProperties(this.secretFile);
  }

  private submit(script: string, appName: string, format: FormatId, args: string[]) {
    return sparkSubmitCommand({ script, family: formatOf(format).family, appName, args }, this.config, this.runtime);
  }
}

/** The arguments of spark-jobs/silver/convert.py for one format. */
export function loadJobArgs(config: BenchConfig, layout: DataLayout, job: Pick<LoadJob, "format" | "output">): string[] {
  return [
    "--format", job.format,
    "--bronze-dir", layout.bronzeDir,
    "--silver-root", layout.silverRoot(job.format),
    "--namespace", layout.namespace,
    "--codec", config.parquetCodec,
    "--output", job.output,
    ...optionArgs(formatOptions(job.format, config)),
  ];
}

/** Where a job that queries a format's silver tables finds them, and the scale its query texts need. */
function silverReadArgs(config: BenchConfig, layout: DataLayout, format: FormatId): string[] {
  return ["--format", format, "--silver-root", layout.silverRoot(format), "--namespace", layout.namespace, "--codec", config.parquetCodec, "--scale-factor", String(config.scaleFactor)];
}

/** The arguments of spark-jobs/gold/run_queries.py for one format. */
export function queryJobArgs(config: BenchConfig, layout: DataLayout, job: Pick<QueryJob, "format" | "output" | "answers">): string[] {
  return [
    ...silverReadArgs(config, layout, job.format),
    "--queries", config.queries.join(","),
    "--warmup-runs", String(config.warmupRuns),
    ...iterationArgs(config),
    "--output", job.output,
    "--answers", job.answers,
    ...optionArgs(formatOptions(job.format, config)),
  ];
}

/** The arguments of spark-jobs/refresh/qphh.py for one format. */
export function refreshTestJobArgs(config: BenchConfig, layout: DataLayout, job: Omit<RefreshTestJob, "onEvent">): string[] {
  return [
    ...silverReadArgs(config, layout, job.format),
    "--refresh-dir", job.refreshDir,
    "--work-root", job.workRoot,
    "--streams", String(job.streams),
    "--parameters", job.parameters,
    "--seed", String(job.seed),
    "--output", job.output,
    "--answers", job.answers,
    ...optionArgs(formatOptions(job.format, config)),
  ];
}

/** The arguments of spark-jobs/lifecycle/run_lifecycle.py for one format. */
export function lifecycleJobArgs(config: BenchConfig, layout: DataLayout, job: Omit<LifecycleJob, "onEvent">): string[] {
  return [
    ...silverReadArgs(config, layout, job.format),
    "--refresh-dir", job.refreshDir,
    "--work-root", job.workRoot,
    "--rounds", String(job.rounds),
    "--queries", config.queries.join(","),
    "--warmup-runs", String(config.warmupRuns),
    "--output", job.output,
    "--answers", job.answers,
    "--resume-key", job.resumeKey,
    ...(job.resume ? ["--resume"] : []),
    ...optionArgs(formatOptions(job.format, config)),
  ];
}
