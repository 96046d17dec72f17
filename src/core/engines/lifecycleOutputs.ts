/**
 * The files the lifecycle job writes (for Spark: spark-jobs/lifecycle/run_lifecycle.py, whose
 * docstring gives the sequence), checked where they are read. Objects pass unknown fields through.
 */
import { z } from "zod";
import { engineSettingSchema, tableStorageSchema } from "./outputs";

const count = z.number().int().nonnegative();
const epochSeconds = z.number().nonnegative();
const round = z.number().int().nonnegative();
const changedTables = <T extends z.ZodTypeAny>(value: T) => z.object({ orders: value, lineitem: value });

/** One query of one pass: a time travel a format lacks is "unsupported", not a failure. */
export const lifecycleQuerySchema = z.object({
  status: z.enum(["completed", "failed", "unsupported"]),
  seconds: z.number().nonnegative().nullish().transform((s) => s ?? undefined),
  rows: count.optional(),
  hash: z.string().optional(),
  error: z.string().optional(),
}).passthrough();
export type LifecycleQuery = z.infer<typeof lifecycleQuerySchema>;

/** "round-<r>" after round r (round-0: fresh tables), "time-travel" (round 0's versions), "maintained". */
export const passIdSchema = z.string().regex(/^(round-\d+|time-travel|maintained)$/, 'round-<n>, time-travel or maintained');

export const lifecyclePassSchema = z.object({
  pass: passIdSchema,
  /** The table state the pass read: round r's, 0 for time travel, R after maintenance. */
  state: round,
  started: epochSeconds,
  ended: epochSeconds,
  queries: z.record(lifecycleQuerySchema),
}).passthrough();
export type LifecyclePass = z.infer<typeof lifecyclePassSchema>;

export const CHANGE_OPERATIONS = ["rf1", "rf2", "upsert"] as const;
export type ChangeOperation = (typeof CHANGE_OPERATIONS)[number];

export const lifecycleOutputSchema = z.object({
  format: z.string(),
  engine_version: z.string(),
  scale_factor: z.number().positive(),
  rounds: z.number().int().positive(),
  queries: z.array(z.string()),
  copy: z.object({ method: z.string(), seconds: z.number().nonnegative() }).passthrough(),
  /** Set when the job went on from an interrupted attempt's checkpoint (--resume). */
  resumed: z.object({
    after_round: round,
    method: z.string(),
    seconds: z.number().nonnegative(),
    versions: changedTables(z.union([z.string(), z.number()]).nullable()),
  }).passthrough().nullish(),
  change_method: z.string(),
  upsert_method: z.string(),
  maintenance_method: z.string(),
  warmup_seconds: z.number().nonnegative(),
  passes: z.array(lifecyclePassSchema),
  changes: z.array(z.object({
    round: z.number().int().positive(),
    operation: z.enum(CHANGE_OPERATIONS),
    seconds: z.number().nonnegative(),
    tables: z.record(z.number().nonnegative()),
    /** The upsert's source rows. */
    rows: count.nullish(),
  }).passthrough()),
  storage: z.array(z.object({ round, after: z.enum(["round", "maintenance"]), tables: changedTables(tableStorageSchema) }).passthrough()),
  counts: z.array(z.object({ state: round, orders: count, lineitem: count }).passthrough()),
  versions: z.array(z.object({ round, tables: changedTables(z.union([z.string(), z.number()]).nullable()) }).passthrough()),
  maintenance: z.object({
    seconds: z.number().nonnegative(),
    operations: z.array(z.object({ table: z.string(), procedure: z.string(), seconds: z.number().nonnegative() }).passthrough()),
  }).passthrough(),
  time_travel: z.object({ supported: z.boolean(), method: z.string(), error: z.string().nullish() }).passthrough(),
  readable_after_maintenance: z.array(z.object({
    round,
    readable: z.boolean(),
    lineitem_rows: count.nullish(),
    error: z.string().nullish(),
  }).passthrough()),
  common_settings: z.array(engineSettingSchema).optional(),
  format_settings: z.array(engineSettingSchema).optional(),
}).passthrough();
export type LifecycleOutput = z.infer<typeof lifecycleOutputSchema>;

const answerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The lifecycle job's answers, per pass and query. */
export const passAnswerFileSchema = z.object({
  engine: z.string(),
  passes: z.record(z.record(z.object({
    columns: z.array(z.string()).optional(),
    rows: z.array(z.array(answerValueSchema)).optional(),
    hash: z.string().optional(),
  }).passthrough())),
}).passthrough();
export type PassAnswerFile = z.infer<typeof passAnswerFileSchema>;
