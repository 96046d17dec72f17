/**
 * The JSON files the gold job (spark-jobs/gold/run_queries.py) writes, checked where they
 * are read. Fields added later are optional, so files of older runs still parse.
 */
import { z } from "zod";

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

export const rawGoldOutputSchema = z.object({
  framework: z.string(),
  spark_version: z.string(),
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
export type RawGoldOutput = z.infer<typeof rawGoldOutputSchema>;

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
