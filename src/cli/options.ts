/** Command-line flags mapped onto configuration keys (flags take precedence over everything). */
import type { RawConfig } from "../core";

export interface RunFlags {
  workspace: string;
  scaleFactor?: string;
  frameworks?: string;
  queries?: string;
  iterations?: string;
  warmupRuns?: string;
  workload?: string;
  streams?: string;
  queryParameters?: string;
  rounds?: string;
  dataDir?: string;
  sparkMaster?: string;
  parallelism?: string;
  force?: boolean;
}

export function flagsToRawConfig(flags: RunFlags): RawConfig {
  return {
    TPCH_SCALE_FACTOR: flags.scaleFactor,
    FRAMEWORKS: flags.frameworks,
    QUERIES: flags.queries,
    QUERY_ITERATIONS: flags.iterations,
    QUERY_WARMUP_RUNS: flags.warmupRuns,
    WORKLOAD: flags.workload,
    THROUGHPUT_STREAMS: flags.streams,
    QUERY_PARAMETERS: flags.queryParameters,
    LIFECYCLE_ROUNDS: flags.rounds,
    DATA_DIR: flags.dataDir,
    SPARK_MASTER: flags.sparkMaster,
    FRAMEWORK_PARALLELISM: flags.parallelism,
  };
}
