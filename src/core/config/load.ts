/**
 * Loads the configuration: CLI flags > VS Code settings > process environment > .env >
 * defaults. Everything is validated before anything runs.
 */
import { constants, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import dotenv from "dotenv";
import type { BenchConfig } from "./benchConfig";
import { ConfigError, type ConfigProblem } from "./errors";
import { CONFIG_DEFAULTS, CONFIG_KEYS, type ConfigKey, type RawConfig } from "./keys";
import { rawConfigSchema, type ParsedConfig } from "./schema";

export interface ConfigSources {
  workspace: string;
  flags?: RawConfig;
  settings?: RawConfig;
  env?: NodeJS.ProcessEnv;
}

export async function readDotEnv(workspace: string): Promise<RawConfig> {
  try {
    const parsed = dotenv.parse(await fs.readFile(path.join(workspace, ".env"), "utf8"));
    return pick(parsed);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
}

/** Merged raw values with the source each came from, for `lakebench status` and the UI. */
export async function mergeSources(sources: ConfigSources): Promise<RawConfig> {
  const layers = [await readDotEnv(sources.workspace), pick(sources.env ?? {}), sources.settings ?? {}, sources.flags ?? {}];
  return Object.assign({}, CONFIG_DEFAULTS, ...layers.map(withoutEmpty));
}

export async function loadConfig(sources: ConfigSources): Promise<BenchConfig> {
  const raw = await mergeSources(sources);
  const result = rawConfigSchema.safeParse(raw);
  const problems: ConfigProblem[] = result.success
    ? []
    : result.error.issues.map((issue) => {
        const key = String(issue.path[0]);
        return { key, value: redactSecrets(raw)[key as ConfigKey] ?? "", allowed: issue.message };
      });
  if (raw.DATA_DIR && !problems.some((p) => p.key === "DATA_DIR")) {
    const problem = await checkWritable("DATA_DIR", raw.DATA_DIR, resolvePath(raw.DATA_DIR.trim(), sources.workspace));
    if (problem) problems.push(problem);
  }
  if (!result.success || problems.length) throw new ConfigError(problems);
  return toBenchConfig(result.data, sources.workspace);
}

function toBenchConfig(parsed: ParsedConfig, workspace: string): BenchConfig {
  return {
    scaleFactor: parsed.TPCH_SCALE_FACTOR,
    frameworks: parsed.FRAMEWORKS,
    dataDir: resolvePath(parsed.DATA_DIR, workspace),
    spark: {
      master: parsed.SPARK_MASTER,
      driverMemory: parsed.SPARK_DRIVER_MEMORY,
      executorMemory: parsed.SPARK_EXECUTOR_MEMORY,
      executorCores: parsed.SPARK_EXECUTOR_CORES,
      shufflePartitions: parsed.SPARK_SHUFFLE_PARTITIONS,
      authSecret: parsed.SPARK_AUTH_SECRET,
      worker: { cores: parsed.SPARK_WORKER_CORES, memory: parsed.SPARK_WORKER_MEMORY },
    },
    frameworkParallelism: parsed.FRAMEWORK_PARALLELISM,
    parquetCodec: parsed.PARQUET_CODEC,
    queries: parsed.QUERIES,
    warmupRuns: parsed.QUERY_WARMUP_RUNS,
    iterations: parsed.QUERY_ITERATIONS,
    iceberg: { formatVersion: parsed.ICEBERG_FORMAT_VERSION },
    delta: { checkpointInterval: parsed.DELTA_CHECKPOINT_INTERVAL },
    hudi: { tableType: parsed.HUDI_TABLE_TYPE },
    cacheDir: resolvePath(parsed.LAKEBENCH_CACHE_DIR, workspace),
  };
}

export function resolvePath(value: string, base: string): string {
  const expanded = value === "~" || value.startsWith("~/") ? path.join(os.homedir(), value.slice(1)) : value;
  return path.resolve(base, expanded);
}

/** The directory, or its nearest existing ancestor, must be a writable directory. */
async function checkWritable(key: string, value: string, dir: string): Promise<ConfigProblem | undefined> {
  let probe = dir;
  for (;;) {
    try {
      const stat = await fs.stat(probe);
      if (!stat.isDirectory()) return { key, value, allowed: `a directory path, but ${probe} is a file` };
      await fs.access(probe, constants.W_OK);
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && path.dirname(probe) !== probe) {
        probe = path.dirname(probe);
        continue;
      }
      return { key, value, allowed: `a writable directory (${probe}: ${code ?? String(error)})` };
    }
  }
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
