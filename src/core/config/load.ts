/**
 * Loads the configuration: CLI flags > VS Code settings > process environment > .env >
 * defaults. Everything is validated before anything runs: values, key names (typos), the
 * data directory and whether an executor fits a Compose worker.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import dotenv from "dotenv";
import type { BenchConfig } from "./benchConfig";
import { composeExecutor } from "./composeExecutor";
import { checkDataDir } from "./dataDirCheck";
import { ConfigError, type ConfigProblem } from "./errors";
import { CONFIG_DEFAULTS, CONFIG_KEYS, type ConfigKey, type RawConfig } from "./keys";
import { rawConfigFields, rawConfigSchema, type ParsedConfig } from "./schema";
import { minimumThroughputStreams } from "./throughputStreams";
import { unknownKeyProblems } from "./unknownKeys";

export interface ConfigSources {
  workspace: string;
  flags?: RawConfig;
  settings?: RawConfig;
  env?: NodeJS.ProcessEnv;
}

/** The minimum number of timed runs with QUERY_ITERATIONS=auto: fewer give no interval worth the name. */
export const AUTO_MIN_ITERATIONS = 3;

/** Every key of the workspace's .env, ours or not ({} when there is none). */
async function readDotEnvFile(workspace: string): Promise<Record<string, string>> {
  const file = path.join(workspace, ".env");
  try {
    return dotenv.parse(await fs.readFile(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return {};
    throw new ConfigError([{ key: ".env", value: file, allowed: `a readable file of KEY=value lines (${code ?? String(error)})` }]);
  }
}

/** Our keys from the workspace's .env. */
export async function readDotEnv(workspace: string): Promise<RawConfig> {
  return pick(await readDotEnvFile(workspace));
}

/**
 * Merged raw values, for `lakebench status`, the UI and the run record. Empty values mean
 * "not set here" in every layer (an empty flag is refused by loadConfig instead).
 */
export async function mergeSources(sources: ConfigSources): Promise<RawConfig> {
  const layers = [await readDotEnv(sources.workspace), pick(sources.env ?? {}), sources.settings ?? {}, sources.flags ?? {}].map(withoutEmpty);
  const merged: RawConfig = Object.assign({}, CONFIG_DEFAULTS, ...layers);
  return { ...merged, ...derivedComposeExecutor(merged, new Set(layers.flatMap((layer) => Object.keys(layer)) as ConfigKey[])) };
}

/** With SPARK_MASTER=compose, the executor size actually used (derived from the worker), so the run record tells the truth. */
function derivedComposeExecutor(merged: RawConfig, explicit: ReadonlySet<ConfigKey>): RawConfig {
  const parsed = rawConfigFields.pick({ SPARK_MASTER: true, SPARK_EXECUTOR_MEMORY: true, SPARK_EXECUTOR_CORES: true, SPARK_WORKER_CORES: true, SPARK_WORKER_MEMORY: true }).safeParse(merged);
  if (!parsed.success || parsed.data.SPARK_MASTER !== "compose") return {};
  const executor = { executorMemory: parsed.data.SPARK_EXECUTOR_MEMORY, executorCores: parsed.data.SPARK_EXECUTOR_CORES };
  const fitted = composeExecutor(executor, { workerMemory: parsed.data.SPARK_WORKER_MEMORY, workerCores: parsed.data.SPARK_WORKER_CORES }, explicit);
  return fitted.problems.length ? {} : { SPARK_EXECUTOR_MEMORY: fitted.executor.executorMemory, SPARK_EXECUTOR_CORES: String(fitted.executor.executorCores) };
}

export async function loadConfig(sources: ConfigSources): Promise<BenchConfig> {
  const dotEnvFile = await readDotEnvFile(sources.workspace);
  const problems: ConfigProblem[] = [
    ...unknownKeyProblems(Object.entries(dotEnvFile), ".env"),
    ...unknownKeyProblems(Object.entries(sources.env ?? {}), "environment"),
    ...emptyFlagProblems(sources.flags ?? {}),
  ];
  const flags = Object.fromEntries(Object.entries(sources.flags ?? {}).filter(([, value]) => value?.trim())) as RawConfig;
  const explicit = [pick(dotEnvFile), pick(sources.env ?? {}), sources.settings ?? {}, flags].map(withoutEmpty);
  const raw: RawConfig = Object.assign({}, CONFIG_DEFAULTS, ...explicit);
  const result = rawConfigSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0]);
      problems.push({ key, value: redactSecrets(raw)[key as ConfigKey] ?? "", allowed: issue.message });
    }
  }
  if (raw.DATA_DIR && !problems.some((p) => p.key === "DATA_DIR" || p.key === "LAKEBENCH_CACHE_DIR")) {
    const context = { workspace: sources.workspace, cacheDir: resolvePath((raw.LAKEBENCH_CACHE_DIR ?? "").trim(), sources.workspace) };
    const problem = await checkDataDir("DATA_DIR", raw.DATA_DIR, resolvePath(raw.DATA_DIR.trim(), sources.workspace), context);
    if (problem) problems.push(problem);
  }
  if (!result.success || problems.length) throw new ConfigError(problems);

  const config = toBenchConfig(result.data, sources.workspace);
  if (config.spark.master === "compose") {
    const explicitKeys = new Set(explicit.flatMap((layer) => Object.keys(layer)) as ConfigKey[]);
    const worker = { workerCores: config.spark.worker.cores, workerMemory: config.spark.worker.memory };
    const fitted = composeExecutor(config.spark, worker, explicitKeys);
    if (fitted.problems.length) throw new ConfigError(fitted.problems);
    Object.assign(config.spark, fitted.executor);
  }
  return config;
}

function toBenchConfig(parsed: ParsedConfig, workspace: string): BenchConfig {
  const auto = parsed.QUERY_ITERATIONS === "auto";
  return {
    scaleFactor: parsed.TPCH_SCALE_FACTOR,
    formats: parsed.FRAMEWORKS,
    dataDir: resolvePath(parsed.DATA_DIR, workspace),
    spark: {
      master: parsed.SPARK_MASTER,
      driverMemory: parsed.SPARK_DRIVER_MEMORY,
      executorMemory: parsed.SPARK_EXECUTOR_MEMORY,
      executorCores: parsed.SPARK_EXECUTOR_CORES,
      shufflePartitions: parsed.SPARK_SHUFFLE_PARTITIONS,
      authSecret: parsed.SPARK_AUTH_SECRET,
      worker: { cores: parsed.SPARK_WORKER_CORES, memory: parsed.SPARK_WORKER_MEMORY },
      masterUi: parsed.SPARK_MASTER_UI_URL,
      executorWaitSeconds: parsed.SPARK_EXECUTOR_WAIT_SECONDS,
    },
    formatParallelism: parsed.FRAMEWORK_PARALLELISM,
    parquetCodec: parsed.PARQUET_CODEC,
    queries: parsed.QUERIES,
    warmupRuns: parsed.QUERY_WARMUP_RUNS,
    iterations: auto ? AUTO_MIN_ITERATIONS : (parsed.QUERY_ITERATIONS as number),
    ...(auto && { autoIterations: { maxIterations: parsed.QUERY_MAX_ITERATIONS, targetRelativeHalfWidth: parsed.QUERY_TARGET_CI_WIDTH } }),
    workload: parsed.WORKLOAD,
    throughputStreams: parsed.THROUGHPUT_STREAMS === "auto" ? minimumThroughputStreams(parsed.TPCH_SCALE_FACTOR) : parsed.THROUGHPUT_STREAMS,
    queryParameters: parsed.QUERY_PARAMETERS,
    lifecycleRounds: parsed.LIFECYCLE_ROUNDS,
    iceberg: { formatVersion: parsed.ICEBERG_FORMAT_VERSION },
    delta: { checkpointInterval: parsed.DELTA_CHECKPOINT_INTERVAL },
    cacheDir: resolvePath(parsed.LAKEBENCH_CACHE_DIR, workspace),
  };
}

export function resolvePath(value: string, base: string): string {
  const expanded = value === "~" || value.startsWith("~/") ? path.join(os.homedir(), value.slice(1)) : value;
  return path.resolve(base, expanded);
}

/** `--scale-factor ''` is a mistake (a lost shell variable, say), not a request for the default. */
function emptyFlagProblems(flags: RawConfig): ConfigProblem[] {
  return Object.entries(flags)
    .filter(([, value]) => value !== undefined && value.trim() === "")
    .map(([key, value]) => ({ key, value: value ?? "", allowed: "a value: an empty flag does not mean the default (leave the flag out for that)", source: "flag" as const }));
}

const SECRET_KEYS: ConfigKey[] = ["SPARK_AUTH_SECRET"];

/** The raw values safe to show, log and store: secrets replaced by their length. */
export function redactSecrets(raw: RawConfig): RawConfig {
  const safe = { ...raw };
  for (const key of SECRET_KEYS) if (safe[key]) safe[key] = `<hidden, ${safe[key]!.length} characters>`;
  return safe;
}

function pick(source: Record<string, string | undefined>): RawConfig {
  const picked: RawConfig = {};
  for (const key of CONFIG_KEYS) if (source[key] !== undefined) picked[key] = source[key];
  return picked;
}

function withoutEmpty(layer: RawConfig): RawConfig {
  return Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined && v !== ""));
}
