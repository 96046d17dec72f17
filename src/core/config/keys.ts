/** The configuration keys, their defaults and what each accepts — the single list every layer reads. */
/**
 * The format variants FRAMEWORKS accepts (the key keeps the seed's name); each has a
 * descriptor in src/core/formats/ and spark-jobs/formats/. The first four are the default.
 */
export const FORMAT_IDS = ["iceberg", "iceberg-mor", "delta", "delta-dv", "hudi", "hudi-mor", "parquet"] as const;
export type FormatId = (typeof FORMAT_IDS)[number];
export const DEFAULT_FORMATS: readonly FormatId[] = ["iceberg", "delta", "hudi", "parquet"];

/** The workloads in src/core/workloads/ (WORKLOAD); each id has its JSON definition there. */
export const WORKLOAD_IDS = ["tpch-read", "tpch-qphh", "lifecycle"] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/** Where the query texts' substitution parameters come from (TPC-H clause 2.4). */
export const QUERY_PARAMETER_MODES = ["validation", "generated"] as const;
export type QueryParameterMode = (typeof QUERY_PARAMETER_MODES)[number];

/** Each lifecycle round applies its own refresh set (at most 999, dbgen's key rule) and runs the queries once more. */
export const MAX_LIFECYCLE_ROUNDS = 100;

export const PARQUET_CODECS = ["snappy", "zstd", "gzip", "uncompressed"] as const;
export const QUERY_NUMBERS = Array.from({ length: 22 }, (_, i) => i + 1);

export const CONFIG_DEFAULTS = {
  TPCH_SCALE_FACTOR: "1",
  FRAMEWORKS: DEFAULT_FORMATS.join(","),
  DATA_DIR: "./lakehouse-data",
  SPARK_MASTER: "local[*]",
  SPARK_DRIVER_MEMORY: "4g",
  SPARK_EXECUTOR_MEMORY: "4g",
  SPARK_EXECUTOR_CORES: "2",
  SPARK_SHUFFLE_PARTITIONS: "16",
  PARQUET_CODEC: "snappy",
  QUERIES: "all",
  QUERY_WARMUP_RUNS: "1",
  QUERY_ITERATIONS: "3",
  QUERY_MAX_ITERATIONS: "20",
  QUERY_TARGET_CI_WIDTH: "0.1",
  ICEBERG_FORMAT_VERSION: "2",
  DELTA_CHECKPOINT_INTERVAL: "10",
  LAKEBENCH_CACHE_DIR: "~/.cache/lakebench",
  SPARK_AUTH_SECRET: "",
  FRAMEWORK_PARALLELISM: "1",
  SPARK_WORKER_CORES: "1",
  SPARK_WORKER_MEMORY: "2g",
  SPARK_MASTER_UI_URL: "",
  SPARK_EXECUTOR_WAIT_SECONDS: "120",
  WORKLOAD: "tpch-read",
  THROUGHPUT_STREAMS: "auto",
  QUERY_PARAMETERS: "validation",
  LIFECYCLE_ROUNDS: "5",
} as const;

export type ConfigKey = keyof typeof CONFIG_DEFAULTS;
export const CONFIG_KEYS = Object.keys(CONFIG_DEFAULTS) as ConfigKey[];

/** Raw string values by key, as they come from flags, settings, the environment or .env. */
export type RawConfig = Partial<Record<ConfigKey, string>>;

/** Keys that were removed, with what replaces them: set anywhere, they are errors that say so. */
export const RETIRED_KEYS: Readonly<Record<string, string>> = {
  HUDI_TABLE_TYPE: "removed: the Hudi table type is a format variant now; put hudi (COPY_ON_WRITE) or hudi-mor (MERGE_ON_READ) in FRAMEWORKS",
};
