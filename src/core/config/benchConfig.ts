/** The validated configuration every phase reads. */
import type { Framework } from "./keys";

export interface BenchConfig {
  scaleFactor: number;
  frameworks: Framework[];
  /** Absolute. */
  dataDir: string;
  spark: {
    master: string;
    driverMemory: string;
    executorMemory: string;
    executorCores: number;
    shufflePartitions: number;
    /** Empty in local mode; required (spark.authenticate) on a cluster. */
    authSecret: string;
    worker: { cores: number; memory: string };
  };
  /** How many formats convert or query at the same time (1 = one after another). */
  frameworkParallelism: number;
  parquetCodec: string;
  queries: number[];
  warmupRuns: number;
  iterations: number;
  iceberg: { formatVersion: string };
  delta: { checkpointInterval: number };
  hudi: { tableType: string };
  /** Absolute: venv, jars and other downloads shared by all workspaces. */
  cacheDir: string;
}
