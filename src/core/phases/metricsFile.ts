/**
 * The documented per-target metrics file (docs/metrics.md), `<target>.json` in a run's
 * metrics directory, as a schema. Version 1 files (one per framework, before targets)
 * are read as version 2: their framework ran on Spark.
 */
import { z } from "zod";
import { engineSettingSchema, iterationModeSchema, stoppedBySchema } from "../engines/outputs";

const seconds = z.array(z.number().nonnegative());

export const answerCheckSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("match") }),
  z.object({ status: z.literal("mismatch"), detail: z.string() }),
  z.object({ status: z.literal("unchecked"), detail: z.string() }),
]);

export const runStatisticsSchema = z.object({
  n: z.number().int().positive(),
  median: z.number(),
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  p95: z.number(),
  cv: z.number().nullable(),
});

const queryMetricsSchema = z.object({
  status: z.enum(["completed", "failed"]),
  error: z.string().optional(),
  warmupSeconds: seconds,
  seconds,
  /** Parallel to seconds: parse, analysis, optimisation and physical planning (metadata reads included); empty when not measured. */
  planningSeconds: seconds.default([]),
  /** Why the timed runs stopped: a fixed count, the median's interval narrow enough, or the cap (absent for a failed query). */
  stoppedBy: stoppedBySchema.optional(),
  statistics: runStatisticsSchema.optional(),
  rows: z.number().int().nonnegative().optional(),
  hash: z.string().optional(),
  answer: answerCheckSchema,
});
export type QueryMetrics = z.infer<typeof queryMetricsSchema>;

const totalsSchema = z.object({
  sumOfMedians: z.number().nonnegative(),
  geometricMeanOfMedians: z.number().nullable(),
  passed: z.number().int().nonnegative(),
  failed: z.array(z.string()),
  mismatched: z.array(z.string()),
});

const metricsV2Schema = z.object({
  schemaVersion: z.literal(2),
  benchmarkId: z.string(),
  target: z.string(),
  engine: z.string(),
  format: z.string(),
  scaleFactor: z.number().positive(),
  engineVersion: z.string(),
  queriesHash: z.string(),
  oracle: z.string(),
  warmupRuns: z.number().int().nonnegative(),
  /** Fixed: the timed runs per query; auto: the minimum. */
  iterations: z.number().int().positive(),
  iterationMode: iterationModeSchema.default("fixed"),
  /** Auto mode only: the cap and the target ± width of the median's 95 % interval, as a fraction of the median. */
  maxIterations: z.number().int().positive().optional(),
  targetRelativeHalfWidth: z.number().positive().optional(),
  queries: z.record(queryMetricsSchema),
  /** The engine settings the session shared with every format, and the format's own (absent in older runs). */
  settings: z.object({ common: z.array(engineSettingSchema), format: z.array(engineSettingSchema) }).optional(),
  totals: totalsSchema,
});

/** Version 1: keyed by framework, always Spark. */
const upgradeV1 = (file: unknown): unknown => {
  if (typeof file !== "object" || file === null || (file as { schemaVersion?: unknown }).schemaVersion !== 1) return file;
  const { framework, sparkVersion, ...rest } = file as Record<string, unknown>;
  return { ...rest, schemaVersion: 2, target: `spark.${String(framework)}`, engine: "spark", format: framework, engineVersion: sparkVersion };
};

export const metricsFileSchema = z.preprocess(upgradeV1, metricsV2Schema);
export type QueriesMetrics = z.infer<typeof metricsV2Schema>;
