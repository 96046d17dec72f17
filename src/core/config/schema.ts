/** The one validated schema that turns raw strings into a BenchConfig. */
import { z } from "zod";
import {
  FRAMEWORKS,
  HUDI_TABLE_TYPES,
  PARQUET_CODECS,
  QUERY_NUMBERS,
  type ConfigKey,
  type Framework,
} from "./keys";

/** A field parsed from a string; `allowed` is shown to the user when parsing fails. */
function field<T>(allowed: string, parse: (raw: string) => T | undefined) {
  return z.string().transform((raw, ctx) => {
    const value = parse(raw.trim());
    if (value === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: allowed });
      return z.NEVER;
    }
    return value;
  });
}

const integerAtLeast = (min: number) =>
  field(`an integer >= ${min}`, (raw) =>
    /^\d+$/.test(raw) && Number(raw) >= min ? Number(raw) : undefined,
  );

const oneOf = <T extends string>(values: readonly T[]) =>
  field(`one of ${values.join(", ")}`, (raw) => values.find((v) => v === raw));

const jvmMemory = field("a JVM memory size like 512m, 4g or 1t (digits, then k, m, g or t)", (raw) =>
  /^[1-9]\d*[kmgt]?$/i.test(raw) ? raw.toLowerCase() : undefined,
);

const scaleFactor = field("a number greater than 0 and at most 10000, e.g. 0.01, 1 or 10", (raw) => {
  const value = Number(raw);
  return /^\d*\.?\d+$/.test(raw) && value > 0 && value <= 10_000 ? value : undefined;
});

const frameworks = field(`a comma-separated list of ${FRAMEWORKS.join(", ")}`, (raw) => {
  const names = raw.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0 || !names.every((n) => (FRAMEWORKS as readonly string[]).includes(n))) return undefined;
  return [...new Set(names)] as Framework[];
});

/** "all", or numbers and ranges of 1..22: "1,3,5-7". */
const queries = field('"all" or query numbers 1-22 and ranges, e.g. 1,3,5-7', (raw) => {
  if (raw.toLowerCase() === "all") return QUERY_NUMBERS;
  const numbers = new Set<number>();
  for (const part of raw.split(",").map((s) => s.trim())) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) return undefined;
    const [from, to] = [Number(match[1]), Number(match[2] ?? match[1])];
    if (from < 1 || to > 22 || from > to) return undefined;
    for (let n = from; n <= to; n++) numbers.add(n);
  }
  return numbers.size ? [...numbers].sort((a, b) => a - b) : undefined;
});

const sparkMaster = field('local, local[*], local[N], spark://host:port or compose', (raw) =>
  /^(local(\[(\*|[1-9]\d*)\])?|spark:\/\/[\w.-]+:\d{1,5}|compose)$/.test(raw) ? raw : undefined,
);

const path = field("a non-empty path", (raw) => (raw ? raw : undefined));

/** Each key on its own; rawConfigSchema adds the rules that involve several keys. */
export const rawConfigFields = z.object({
  TPCH_SCALE_FACTOR: scaleFactor,
  FRAMEWORKS: frameworks,
  DATA_DIR: path,
  SPARK_MASTER: sparkMaster,
  SPARK_DRIVER_MEMORY: jvmMemory,
  SPARK_EXECUTOR_MEMORY: jvmMemory,
  SPARK_EXECUTOR_CORES: integerAtLeast(1),
  SPARK_SHUFFLE_PARTITIONS: integerAtLeast(1),
  PARQUET_CODEC: oneOf(PARQUET_CODECS),
  QUERIES: queries,
  QUERY_WARMUP_RUNS: integerAtLeast(0),
  QUERY_ITERATIONS: integerAtLeast(1),
  ICEBERG_FORMAT_VERSION: oneOf(["1", "2"] as const),
  DELTA_CHECKPOINT_INTERVAL: integerAtLeast(1),
  HUDI_TABLE_TYPE: oneOf(HUDI_TABLE_TYPES),
  LAKEBENCH_CACHE_DIR: path,
  SPARK_AUTH_SECRET: z.string(),
  FRAMEWORK_PARALLELISM: integerAtLeast(1),
  SPARK_WORKER_CORES: integerAtLeast(1),
  SPARK_WORKER_MEMORY: jvmMemory,
} satisfies Record<ConfigKey, z.ZodTypeAny>);

export const rawConfigSchema = rawConfigFields.superRefine((config, ctx) => {
  // A cluster accepts work only from holders of the secret (spark.authenticate).
  // Runs even when other fields failed: only check when the master itself parsed.
  if (typeof config.SPARK_MASTER !== "string" || typeof config.SPARK_AUTH_SECRET !== "string") return;
  const cluster = config.SPARK_MASTER.startsWith("spark://") || config.SPARK_MASTER === "compose";
  if (cluster && config.SPARK_AUTH_SECRET.length < MIN_SECRET_LENGTH) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["SPARK_AUTH_SECRET"],
      message: `required with SPARK_MASTER=${config.SPARK_MASTER}: at least ${MIN_SECRET_LENGTH} characters (e.g. openssl rand -hex 32)`,
    });
  }
});

export const MIN_SECRET_LENGTH = 16;

export type ParsedConfig = z.output<typeof rawConfigSchema>;
