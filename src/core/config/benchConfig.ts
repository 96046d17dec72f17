/** The validated configuration every phase reads. */
import type { FormatId, QueryParameterMode, WorkloadId } from "./keys";

export interface BenchConfig {
  scaleFactor: number;
  /** Format variants (FRAMEWORKS), in the order given. */
  formats: FormatId[];
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
    /** The standalone master's web UI (its /json/ status); empty: http://<master host>:8080. */
    masterUi: string;
    /** How long a job on a cluster waits for its first executor before failing. */
    executorWaitSeconds: number;
  };
  /** How many formats convert or query at the same time (1 = one after another). */
  formatParallelism: number;
  parquetCodec: string;
  queries: number[];
  warmupRuns: number;
  /** Timed runs per query; with QUERY_ITERATIONS=auto the minimum number of timed runs (3). */
  iterations: number;
  /**
   * Present only with QUERY_ITERATIONS=auto: repeat a query until the 95 % interval of its
   * median lies within ±targetRelativeHalfWidth of the median, or maxIterations timed runs.
   */
  autoIterations?: { maxIterations: number; targetRelativeHalfWidth: number };
  /** The workload whose steps every target runs (WORKLOAD). */
  workload: WorkloadId;
  /** Query streams of the TPC-H throughput test (THROUGHPUT_STREAMS, "auto" resolved). */
  throughputStreams: number;
  /** validation: the spec's validation values in every query; generated: each stream's own (clause 2.4). */
  queryParameters: QueryParameterMode;
  /** Rounds of change of the lifecycle workload (LIFECYCLE_ROUNDS), each one refresh set and one upsert. */
  lifecycleRounds: number;
  iceberg: { formatVersion: string };
  delta: { checkpointInterval: number };
  /** Absolute: venv, jars and other downloads shared by all workspaces. */
  cacheDir: string;
}
