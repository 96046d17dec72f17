/** The one validated schema that turns raw strings into typed values, every value bounded. */
import { z } from "zod";
import { CONTROL_CHARACTERS, decimal, decimalPlaces, field, integerIn, jvmMemory, oneOf, parseInteger, path } from "./fields";
import { FORMAT_IDS, MAX_LIFECYCLE_ROUNDS, PARQUET_CODECS, QUERY_NUMBERS, QUERY_PARAMETER_MODES, WORKLOAD_IDS, type ConfigKey, type FormatId } from "./keys";

/** At most 3 decimals from 0.001: the namespace tpch_sf<SF> stays a plain decimal (never 1e-7). */
const scaleFactor = field("a number from 0.001 to 10000 with at most 3 decimals, e.g. 0.01, 1 or 10", (raw) => {
  const value = decimal(raw);
  return value !== undefined && value >= 0.001 && value <= 10_000 && decimalPlaces(raw) <= 3 ? value : undefined;
});

const formats = field(`a comma-separated list of ${FORMAT_IDS.join(", ")}`, (raw) => {
  const names = raw.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0 || !names.every((n) => (FORMAT_IDS as readonly string[]).includes(n))) return undefined;
  return [...new Set(names)] as FormatId[];
});

/** "all", or numbers and ranges of 1..22: "1,3,5-7". */
const queries = field('"all" or query numbers 1-22 and ranges, e.g. 1,3,5-7', (raw) => {
  if (raw.toLowerCase() === "all") return QUERY_NUMBERS;
  const numbers = new Set<number>();
  for (const part of raw.split(",").map((s) => s.trim())) {
    const match = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(part);
    if (!match) return undefined;
    const [from, to] = [Number(match[1]), Number(match[2] ?? match[1])];
    if (from < 1 || to > 22 || from > to) return undefined;
    for (let n = from; n <= to; n++) numbers.add(n);
  }
  return numbers.size ? [...numbers].sort((a, b) => a - b) : undefined;
});

export const MAX_LOCAL_THREADS = 1024;

const sparkMaster = field(`local, local[*], local[N] (N from 1 to ${MAX_LOCAL_THREADS}), spark://host:port (port 1-65535) or compose`, (raw) => {
  if (raw === "local" || raw === "local[*]" || raw === "compose") return raw;
  const local = /^local\[(\d+)\]$/.exec(raw);
  if (local) return parseInteger(local[1], 1, MAX_LOCAL_THREADS) === undefined ? undefined : raw;
  const cluster = /^spark:\/\/[\w.-]+:(\d+)$/.exec(raw);
  return cluster && parseInteger(cluster[1], 1, 65_535) !== undefined ? raw : undefined;
});

/** Empty: http://<host of SPARK_MASTER>:8080, the standalone master's default UI port. */
const masterUiUrl = field("empty, or the master's web UI as http(s)://host:port, e.g. http://spark-master:8080", (raw) => {
  if (raw === "") return "";
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  return url && /^https?:$/.test(url.protocol) && url.hostname && !url.search && !url.hash ? raw.replace(/\/+$/, "") : undefined;
});

/** A fixed count of timed runs, or "auto": repeat until the median's interval is narrow enough. */
const iterations = field('"auto" or an integer from 1 to 1000', (raw) => (raw.toLowerCase() === "auto" ? ("auto" as const) : parseInteger(raw, 1, 1000)));

const relativeWidth = field("a number greater than 0 and at most 1, e.g. 0.1 (the interval within ±10 % of the median)", (raw) => {
  const value = decimal(raw);
  return value !== undefined && value > 0 && value <= 1 ? value : undefined;
});

/** "auto" (the spec's minimum for the scale factor, TPC-H clause 5.3.4) or a count of query streams. */
const throughputStreams = field('"auto" (the TPC-H minimum for the scale factor) or an integer from 1 to 100', (raw) =>
  raw.toLowerCase() === "auto" ? ("auto" as const) : parseInteger(raw, 1, 100),
);

export const MIN_SECRET_LENGTH = 16;
export const MAX_SECRET_LENGTH = 1024;
/** Characters that a Java properties file, a shell or docker compose's .env would change or cut. */
const SECRET_FORBIDDEN = /[\s\\"'`$]/;
export const SECRET_ALLOWED =
  `at least ${MIN_SECRET_LENGTH} characters (at most ${MAX_SECRET_LENGTH}), visible ASCII only: no spaces, control characters, \\ " ' \` or $ ` +
  "(it is written into a Java properties file); e.g. openssl rand -hex 32";

/** Not trimmed: a space or newline in a secret is refused, never silently cut. Empty means "none" (local mode). */
const secret = z.string().superRefine((raw, ctx) => {
  if (!secretCharactersValid(raw)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: SECRET_ALLOWED });
});

const secretCharactersValid = (raw: string): boolean =>
  raw === "" || (/^[\x21-\x7e]+$/.test(raw) && !SECRET_FORBIDDEN.test(raw) && !CONTROL_CHARACTERS.test(raw) && raw.length <= MAX_SECRET_LENGTH);

/** Each key on its own; rawConfigSchema adds the rules that involve several keys. */
export const rawConfigFields = z.object({
  TPCH_SCALE_FACTOR: scaleFactor,
  FRAMEWORKS: formats,
  DATA_DIR: path,
  SPARK_MASTER: sparkMaster,
  SPARK_DRIVER_MEMORY: jvmMemory,
  SPARK_EXECUTOR_MEMORY: jvmMemory,
  SPARK_EXECUTOR_CORES: integerIn(1, 1024),
  SPARK_SHUFFLE_PARTITIONS: integerIn(1, 100_000),
  PARQUET_CODEC: oneOf(PARQUET_CODECS),
  QUERIES: queries,
  QUERY_WARMUP_RUNS: integerIn(0, 100),
  QUERY_ITERATIONS: iterations,
  QUERY_MAX_ITERATIONS: integerIn(3, 1000),
  QUERY_TARGET_CI_WIDTH: relativeWidth,
  ICEBERG_FORMAT_VERSION: oneOf(["1", "2"] as const),
  DELTA_CHECKPOINT_INTERVAL: integerIn(1, 100_000),
  LAKEBENCH_CACHE_DIR: path,
  SPARK_AUTH_SECRET: secret,
  FRAMEWORK_PARALLELISM: integerIn(1, FORMAT_IDS.length),
  SPARK_WORKER_CORES: integerIn(1, 1024),
  SPARK_WORKER_MEMORY: jvmMemory,
  SPARK_MASTER_UI_URL: masterUiUrl,
  SPARK_EXECUTOR_WAIT_SECONDS: integerIn(1, 86_400, "seconds"),
  WORKLOAD: oneOf(WORKLOAD_IDS),
  THROUGHPUT_STREAMS: throughputStreams,
  QUERY_PARAMETERS: oneOf(QUERY_PARAMETER_MODES),
  LIFECYCLE_ROUNDS: integerIn(1, MAX_LIFECYCLE_ROUNDS, "rounds"),
} satisfies Record<ConfigKey, z.ZodTypeAny>);

export const rawConfigSchema = rawConfigFields.superRefine((config, ctx) => {
  // A cluster accepts work only from holders of the secret (spark.authenticate).
  // Runs even when other fields failed: only check when the master itself parsed.
  if (typeof config.SPARK_MASTER !== "string" || typeof config.SPARK_AUTH_SECRET !== "string") return;
  const cluster = config.SPARK_MASTER.startsWith("spark://") || config.SPARK_MASTER === "compose";
  // A malformed secret is already reported by its own field.
  if (cluster && secretCharactersValid(config.SPARK_AUTH_SECRET) && config.SPARK_AUTH_SECRET.length < MIN_SECRET_LENGTH) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["SPARK_AUTH_SECRET"],
      message: `required with SPARK_MASTER=${config.SPARK_MASTER}: ${SECRET_ALLOWED}`,
    });
  }
});

export type ParsedConfig = z.output<typeof rawConfigSchema>;
