/**
 * The JSON files an engine's jobs write (for Spark: spark-jobs/silver/convert.py and
 * spark-jobs/gold/run_queries.py), checked where they are read. Every engine writes these
 * shapes. Fields added later are optional, so files of older runs still parse.
 */
import { z } from "zod";

const count = z.number().int().nonnegative();

export const tableLoadSchema = z.object({
  /** This table's read-bronze-and-write time alone. */
  seconds: z.number().nonnegative(),
  rows: count,
  data_files: count,
  data_bytes: count,
  metadata_bytes: count,
});
export type TableLoad = z.infer<typeof tableLoadSchema>;

/** The load job's result; warmup_seconds is absent in files of older runs. */
export const loadOutputSchema = z.object({
  format: z.string(),
  engine_version: z.string(),
  codec: z.string(),
  options: z.record(z.string()),
  warmup_seconds: z.number().nonnegative().optional(),
  tables: z.record(tableLoadSchema),
});
export type LoadOutput = z.infer<typeof loadOutputSchema>;

const seconds = z.array(z.number().nonnegative());

export const stoppedBySchema = z.enum(["width", "cap", "fixed"]);
export type StoppedBy = z.infer<typeof stoppedBySchema>;

export const iterationModeSchema = z.enum(["fixed", "auto"]);
export type IterationMode = z.infer<typeof iterationModeSchema>;

const rawQueryRunSchema = z.object({
  status: z.enum(["completed", "failed"]),
  error: z.string().optional(),
  warmup_seconds: seconds.optional(),
  seconds: seconds.optional(),
  /** Parallel to seconds: the part of each run spent before execution (absent before planning was split). */
  planning_seconds: seconds.optional(),
  stopped_by: stoppedBySchema.optional(),
  rows: z.number().int().nonnegative().optional(),
  hash: z.string().optional(),
}).refine((run) => !run.planning_seconds || run.planning_seconds.length === (run.seconds ?? []).length, {
  message: "planning_seconds must have one entry per timed run",
  path: ["planning_seconds"],
});
export type RawQueryRun = z.infer<typeof rawQueryRunSchema>;

/** One engine setting a session set, or chose not to set, and why (spark-jobs/common/session.py). */
export const engineSettingSchema = z.object({
  setting: z.string(),
  value: z.string(),
  applied: z.boolean(),
  why: z.string(),
});
export type EngineSetting = z.infer<typeof engineSettingSchema>;

/** The query job's timed runs. */
export const queryOutputSchema = z.object({
  format: z.string(),
  engine_version: z.string(),
  queries_hash: z.string(),
  iteration_mode: iterationModeSchema.optional(),
  /** Auto mode: the cap and the target width the job used (null in fixed mode). */
  max_iterations: z.number().int().positive().nullish(),
  target_relative_half_width: z.number().positive().nullish(),
  queries: z.record(rawQueryRunSchema),
  /** The settings every format's session shares, and this format's own (absent before they were recorded). */
  common_settings: z.array(engineSettingSchema).optional(),
  format_settings: z.array(engineSettingSchema).optional(),
});
export type QueryOutput = z.infer<typeof queryOutputSchema>;

const answerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const answerFileSchema = z.object({
  engine: z.string(),
  queries: z.record(
    z.object({
      columns: z.array(z.string()).optional(),
      rows: z.array(z.array(answerValueSchema)).optional(),
      hash: z.string().optional(),
      error: z.string().optional(),
    }),
  ),
});
export type AnswerFile = z.infer<typeof answerFileSchema>;

// ---- The refresh workload (issue 9; the sequence in spark-jobs/refresh/qphh.py). Objects pass unknown
// fields through, so a job may add figures without breaking older readers; what the TypeScript
// reads is checked.

const epochSeconds = z.number().nonnegative();
const stateIndex = z.number().int().nonnegative();
const changedTable = z.enum(["orders", "lineitem"]);

/** One refresh function's timing: the whole function and each of its two table commits. */
export const refreshFunctionTimingSchema = z.object({
  seconds: z.number().nonnegative(),
  tables: z.object({ orders: z.number().nonnegative(), lineitem: z.number().nonnegative() }),
}).passthrough();
export type RefreshFunctionTiming = z.infer<typeof refreshFunctionTimingSchema>;

const timedQuerySchema = z.object({
  status: z.enum(["completed", "failed"]),
  /** Absent (or null, read as absent) when the query failed before it could be timed. */
  seconds: z.number().nonnegative().nullish().transform((seconds) => seconds ?? undefined),
  error: z.string().optional(),
}).passthrough();
/** What a power and a throughput query have in common (status, seconds, error). */
export type TimedQuery = z.infer<typeof timedQuerySchema>;

const windowSchema = z.tuple([stateIndex, stateIndex]).refine(([lo, hi]) => lo <= hi, { message: "window must be [lo, hi] with lo <= hi" });

export const powerQuerySchema = timedQuerySchema.extend({ state: stateIndex });
export const throughputQuerySchema = timedQuerySchema.extend({
  started: epochSeconds,
  ended: epochSeconds,
  /** The states the query may have read: last committed at its start .. highest visible at its end. */
  window: windowSchema,
});
export type PowerQuery = z.infer<typeof powerQuerySchema>;
export type ThroughputQuery = z.infer<typeof throughputQuerySchema>;

export const tableStorageSchema = z.object({
  data_files: count.nullish(),
  data_bytes: count.nullish(),
  /** Iceberg delete files, Delta deletion vectors, Hudi log files; null where the format has none. */
  delete_files: count.nullish(),
  total_bytes: count.nullish(),
  metadata_bytes: count.nullish(),
  versions: count.nullish(),
}).passthrough();

/** The power + throughput job's result (spark-jobs/refresh/qphh.py --output). */
export const qphhOutputSchema = z.object({
  format: z.string(),
  engine_version: z.string(),
  scale_factor: z.number().positive(),
  streams: z.number().int().positive(),
  seed: z.number().int(),
  parameters: z.enum(["validation", "generated"]),
  copy: z.object({ method: z.string(), seconds: z.number().nonnegative() }).passthrough(),
  power: z.object({
    started: epochSeconds,
    ended: epochSeconds,
    rf1: refreshFunctionTimingSchema,
    rf2: refreshFunctionTimingSchema,
    order: z.array(z.number().int().min(1).max(22)),
    queries: z.record(powerQuerySchema),
  }).passthrough(),
  throughput: z.object({
    started: epochSeconds,
    ended: epochSeconds,
    /** Ts, the measurement interval of clause 5.4.2. */
    seconds: z.number().nonnegative(),
    streams: z.array(z.object({
      stream: z.number().int().positive(),
      order: z.array(z.number().int().min(1).max(22)),
      started: epochSeconds,
      ended: epochSeconds,
      queries: z.record(throughputQuerySchema),
    }).passthrough()),
    refresh: z.array(z.object({
      set: z.number().int().positive(),
      started: epochSeconds,
      ended: epochSeconds,
      rf1: refreshFunctionTimingSchema,
      rf2: refreshFunctionTimingSchema,
    }).passthrough()),
  }).passthrough(),
  commits: z.array(z.object({
    state: stateIndex,
    set: z.number().int().positive(),
    function: z.enum(["rf1", "rf2"]),
    table: changedTable,
    committed_at: epochSeconds,
    /** The format's own version or snapshot id after the commit; null where it has none (Parquet). */
    version: z.union([z.string(), z.number()]).nullable(),
  }).passthrough()),
  counts: z.array(z.object({ state: stateIndex, orders: count, lineitem: count }).passthrough()),
  storage: z.object({ orders: tableStorageSchema, lineitem: tableStorageSchema }),
  change_method: z.string(),
  common_settings: z.array(engineSettingSchema).optional(),
  format_settings: z.array(engineSettingSchema).optional(),
}).passthrough();
export type QphhOutput = z.infer<typeof qphhOutputSchema>;

const streamAnswerSchema = z.object({
  columns: z.array(z.string()).optional(),
  rows: z.array(z.array(answerValueSchema)).optional(),
  hash: z.string().optional(),
  error: z.string().optional(),
}).passthrough();

/** The answers of the qphh job, per stream ("0" = power test) and query. */
export const streamAnswerFileSchema = z.object({
  engine: z.string(),
  streams: z.record(z.record(streamAnswerSchema)),
}).passthrough();
export type StreamAnswerFile = z.infer<typeof streamAnswerFileSchema>;

/** The state oracle's result (spark-jobs/oracle/state_answers.py --output). */
export const stateOracleSchema = z.object({
  engine: z.string(),
  states: z.array(z.object({ state: stateIndex, label: z.string(), orders: count, lineitem: count }).passthrough()),
  /** stream -> query -> state -> result hash: stream 0 at state 2, streams 1..S at states 4..4N. */
  answers: z.record(z.record(z.record(z.string()))),
  results: z.record(streamAnswerSchema.extend({ columns: z.array(z.string()), rows: z.array(z.array(answerValueSchema)), hash: z.string() })),
  /** stream -> query -> DuckDB's error, for queries the oracle could not answer. */
  errors: z.record(z.record(z.string())).optional(),
}).passthrough().superRefine((oracle, ctx) => {
  for (const [stream, queries] of Object.entries(oracle.answers)) {
    for (const [query, byState] of Object.entries(queries)) {
      for (const [state, hash] of Object.entries(byState)) {
        if (!oracle.results[hash]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["answers", stream, query, state], message: `no result for hash ${hash}` });
      }
    }
  }
});
export type StateOracle = z.infer<typeof stateOracleSchema>;
