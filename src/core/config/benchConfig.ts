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
  };
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
