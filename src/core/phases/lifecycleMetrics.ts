/**
 * The lifecycle step's metrics file (gold/metrics/<id>/<target>.lifecycle.json): every pass of
 * the queries with each answer's check against the oracle at the round it read, each change
 * operation's seconds, storage per round, maintenance and time travel, and the summary figures
 * (degradation rate ± CI, recovery, storage amplification).
 */
import { z } from "zod";
import { engineSettingSchema } from "../engines/outputs";

export const LIFECYCLE_LABEL = "TPC-H refresh functions plus a MERGE upsert of ~0.1 % of lineitem per round: an extension of TPC-H, not a TPC result";

const interval = z.object({ low: z.number(), high: z.number() });
const answerCheckSchema = z.object({ status: z.enum(["match", "mismatch", "unchecked"]), detail: z.string().optional() });

const passQuerySchema = z.object({
  status: z.enum(["completed", "failed", "unsupported"]),
  seconds: z.number().nonnegative().optional(),
  error: z.string().optional(),
  answer: answerCheckSchema,
});

export const lifecyclePassMetricsSchema = z.object({
  pass: z.string(),
  state: z.number().int().nonnegative(),
  /** Sum and geometric mean of the queries' seconds; null unless every query completed. */
  sumSeconds: z.number().nonnegative().nullable(),
  geometricMeanSeconds: z.number().positive().nullable(),
  /** Geometric mean of per-query ratios to round 0, with its spread over the queries. */
  slowdown: z.object({ ratio: z.number().positive(), interval: interval.nullable() }).nullable(),
  queries: z.record(passQuerySchema),
});
export type LifecyclePassMetrics = z.infer<typeof lifecyclePassMetricsSchema>;

export const storagePointSchema = z.object({
  round: z.number().int().nonnegative(),
  after: z.enum(["round", "maintenance"]),
  liveBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
  /** Bytes on disk that no current read scans: replaced data, delete files, logs, metadata. */
  deadBytes: z.number().int().nonnegative(),
  metadataBytes: z.number().int().nonnegative(),
  dataFiles: z.number().int().nonnegative(),
  /** Iceberg delete files, Delta deletion vectors, Hudi log files. */
  deleteFiles: z.number().int().nonnegative(),
  versions: z.number().int().nonnegative().nullable(),
  amplification: z.number().positive(),
});
export type StoragePoint = z.infer<typeof storagePointSchema>;

export const lifecycleMetricsSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal("lifecycle"),
  label: z.literal(LIFECYCLE_LABEL),
  benchmarkId: z.string(),
  target: z.string(),
  engine: z.string(),
  format: z.string(),
  scaleFactor: z.number(),
  engineVersion: z.string(),
  oracle: z.string(),
  rounds: z.number().int().positive(),
  queries: z.array(z.string()),
  copy: z.object({ method: z.string(), seconds: z.number().nonnegative() }),
  /**
   * Present when an interrupted attempt's copy was rolled back to the end of afterRound by the
   * format's restore and this attempt went on from there; the rounds up to it are that attempt's.
   */
  resumed: z.object({ afterRound: z.number().int().nonnegative(), method: z.string(), seconds: z.number().nonnegative() }).optional(),
  methods: z.object({ change: z.string(), upsert: z.string(), maintenance: z.string(), timeTravel: z.string() }),
  passes: z.array(lifecyclePassMetricsSchema),
  changes: z.array(z.object({ round: z.number().int().positive(), rf1: z.number().nonnegative(), rf2: z.number().nonnegative(), upsert: z.number().nonnegative(), upsertRows: z.number().int().nonnegative().nullable() })),
  storage: z.array(storagePointSchema),
  maintenance: z.object({
    seconds: z.number().nonnegative(),
    operations: z.array(z.object({ table: z.string(), procedure: z.string(), seconds: z.number().nonnegative() })),
    /**
     * Earlier rounds' versions after maintenance: readable, with lineitem's rows checked against
     * the oracle's at that round (rowsOk false: the format read a cleaned version as other rows
     * instead of failing), or the format's error.
     */
    readable: z.array(z.object({
      round: z.number().int().nonnegative(),
      readable: z.boolean(),
      rowsOk: z.boolean().nullable(),
      rows: z.number().int().nonnegative().nullable(),
      expectedRows: z.number().int().nonnegative().nullable(),
      error: z.string().nullable(),
    })),
  }),
  timeTravel: z.object({ supported: z.boolean(), error: z.string().nullable(), seconds: z.number().nonnegative().nullable(), matchesRoundZero: z.boolean() }),
  counts: z.array(z.object({ state: z.number().int(), orders: z.number().int(), lineitem: z.number().int(), expected: z.object({ orders: z.number().int(), lineitem: z.number().int() }), ok: z.boolean() })),
  summary: z.object({
    /** Over the rounds' query sums; null when a pass lacks a sum. */
    degradation: z.object({ rate: z.number(), perRound: z.array(z.number()), interval: interval.nullable() }).nullable(),
    /** Query sum after maintenance over round 0's. */
    recovery: z.number().positive().nullable(),
    amplificationAfterRounds: z.number().positive(),
    amplificationAfterMaintenance: z.number().positive(),
    changeSeconds: z.number().nonnegative(),
    maintenanceSeconds: z.number().nonnegative(),
  }),
  settings: z.object({ common: z.array(engineSettingSchema), format: z.array(engineSettingSchema) }).optional(),
  totals: z.object({
    checked: z.number().int().nonnegative(),
    passed: z.number().int().nonnegative(),
    /** "round-2 q03" */
    failed: z.array(z.string()),
    mismatched: z.array(z.string()),
    countMismatches: z.array(z.string()),
    /** Queries a format cannot run in a pass (time travel on plain Parquet), with the reason. */
    unsupported: z.array(z.string()),
  }),
});
export type LifecycleMetrics = z.infer<typeof lifecycleMetricsSchema>;
