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
