/**
 * What each kind of phase records as its result in the state file, as schemas: the state
 * stores a plain record (it knows no phases), and every reader parses it with these.
 */
import { z } from "zod";
import { engineSettingSchema, tableLoadSchema } from "../engines/outputs";
import type { PhaseState } from "../state/schema";

const count = z.number().int().nonnegative();
const tableFilesSchema = z.object({ rows: count, files: count, bytes: count });
/** Set by the pipeline on phases that ran side by side with others of their kind. */
const concurrent = z.boolean().optional();

export const bronzeResultSchema = z.object({
  generatorVersion: z.string(),
  seconds: z.number().nonnegative(),
  createdAt: z.string(),
  rows: count,
  bytes: count,
  tables: z.record(tableFilesSchema),
  reused: z.boolean().optional(),
});
export type BronzeResult = z.infer<typeof bronzeResultSchema>;

export const loadResultSchema = z.object({
  engineVersion: z.string(),
  codec: z.string(),
  options: z.record(z.string()),
  /** Sum of the tables' seconds: Spark's start-up is in warmupSeconds, not here. */
  seconds: z.number().nonnegative(),
  rows: count,
  dataBytes: count,
  dataFiles: count,
  metadataBytes: count,
  warmupSeconds: z.number().nonnegative().optional(),
  tables: z.record(tableLoadSchema),
  concurrent,
});
export type LoadResult = z.infer<typeof loadResultSchema>;

export const queriesResultSchema = z.object({
  metricsFile: z.string(),
  answersFile: z.string(),
  oracleFile: z.string(),
  sumOfMedians: z.number().nonnegative(),
  geometricMeanOfMedians: z.number().nullable(),
  passed: count,
  failed: z.array(z.string()),
  mismatched: z.array(z.string()),
  queries: count,
  concurrent,
});
export type QueriesResult = z.infer<typeof queriesResultSchema>;

export const qphhResultSchema = z.object({
  metricsFile: z.string(),
  answersFile: z.string(),
  oracleFile: z.string(),
  streams: count,
  powerAtSize: z.number().nullable(),
  throughputAtSize: z.number().nullable(),
  qphhAtSize: z.number().nullable(),
  rf1Seconds: z.number().nonnegative(),
  rf2Seconds: z.number().nonnegative(),
  checked: count,
  passed: count,
  failed: z.array(z.string()),
  mismatched: z.array(z.string()),
  countMismatches: z.array(z.string()),
  /** Throughput queries of a format without snapshot isolation that failed or read part of a rewrite. */
  unisolated: z.array(z.string()).default([]),
  concurrent,
});
export type QphhResult = z.infer<typeof qphhResultSchema>;

export const lifecycleResultSchema = z.object({
  metricsFile: z.string(),
  answersFile: z.string(),
  oracleFile: z.string(),
  rounds: count,
  /** LST-Bench's degradation rate of the queries' sum over the rounds; null when a pass was incomplete. */
  degradationRate: z.number().nullable(),
  recovery: z.number().nullable(),
  amplification: z.number().positive(),
  maintenanceSeconds: z.number().nonnegative(),
  timeTravel: z.enum(["matches round 0", "differs", "unsupported"]),
  /** The round an interrupted attempt's copy was rolled back to, when this attempt went on from it. */
  resumedAfterRound: count.optional(),
  checked: count,
  passed: count,
  failed: z.array(z.string()),
  mismatched: z.array(z.string()),
  countMismatches: z.array(z.string()),
  concurrent,
});
export type LifecycleResult = z.infer<typeof lifecycleResultSchema>;

export const reportResultSchema = z.object({ dir: z.string(), summary: z.string(), html: z.string(), markdown: z.string(), problems: count });
export type ReportResult = z.infer<typeof reportResultSchema>;

export const settingsListSchema = z.array(engineSettingSchema);

/** A phase's result if it has the shape of its kind (older or damaged entries: undefined). */
export function resultOf<T>(state: PhaseState | undefined, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T | undefined {
  const parsed = schema.safeParse(state?.result);
  return parsed.success ? parsed.data : undefined;
}
