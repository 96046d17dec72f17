/** The configuration keys, their defaults and what each accepts — the single list every layer reads. */
export const FRAMEWORKS = ["iceberg", "delta", "hudi", "parquet"] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const PARQUET_CODECS = ["snappy", "zstd", "gzip", "uncompressed"] as const;
export const HUDI_TABLE_TYPES = ["COPY_ON_WRITE", "MERGE_ON_READ"] as const;
export const QUERY_NUMBERS = Array.from({ length: 22 }, (_, i) => i + 1);

export const CONFIG_DEFAULTS = {
  TPCH_SCALE_FACTOR: "1",
  FRAMEWORKS: FRAMEWORKS.join(","),
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
  HUDI_TABLE_TYPE: "COPY_ON_WRITE",
  LAKEBENCH_CACHE_DIR: "~/.cache/lakebench",
  SPARK_AUTH_SECRET: "",
  FRAMEWORK_PARALLELISM: "1",
  SPARK_WORKER_CORES: "1",
  SPARK_WORKER_MEMORY: "2g",
  SPARK_MASTER_UI_URL: "",
  SPARK_EXECUTOR_WAIT_SECONDS: "120",
} as const;

export type ConfigKey = keyof typeof CONFIG_DEFAULTS;
export const CONFIG_KEYS = Object.keys(CONFIG_DEFAULTS) as ConfigKey[];

/** Raw string values by key, as they come from flags, settings, the environment or .env. */
export type RawConfig = Partial<Record<ConfigKey, string>>;
