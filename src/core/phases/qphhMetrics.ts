/**
 * The power and throughput test's metrics file (gold/metrics/<id>/<target>.qphh.json): every
 * timed interval, every answer's check against the oracle at the state it ran on, the row
 * counts after every refresh function, and Power@Size, Throughput@Size and QphH@Size
 * (TPC-H clause 5.4). Derived from TPC-H, not an audited TPC result.
 */
import { z } from "zod";
import { engineSettingSchema } from "../engines/outputs";

export const QPHH_LABEL = "derived from TPC-H, not an audited TPC result";

const answerCheckSchema = z.object({
  status: z.enum(["match", "mismatch", "unchecked"]),
  detail: z.string().optional(),
  /** The oracle state the answer equals (power: the one it ran on; throughput: one in its window). */
  state: z.number().int().optional(),
});
export type QphhAnswerCheck = z.infer<typeof answerCheckSchema>;

const refreshFunctionSchema = z.object({ seconds: z.number().nonnegative(), tables: z.record(z.number().nonnegative()) });

const queryIntervalSchema = z.object({
  status: z.enum(["completed", "failed"]),
  seconds: z.number().nonnegative().optional(),
  error: z.string().optional(),
  /** Seconds from the start of the throughput test (throughput queries only). */
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  window: z.tuple([z.number().int(), z.number().int()]).optional(),
  answer: answerCheckSchema,
});
export type QueryInterval = z.infer<typeof queryIntervalSchema>;

const countCheckSchema = z.object({
  state: z.number().int(),
  orders: z.number().int(),
  lineitem: z.number().int(),
  expected: z.object({ orders: z.number().int(), lineitem: z.number().int() }),
  ok: z.boolean(),
});

export const qphhMetricsSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal("qphh"),
  label: z.literal(QPHH_LABEL),
  benchmarkId: z.string(),
  target: z.string(),
  engine: z.string(),
  format: z.string(),
  scaleFactor: z.number(),
  engineVersion: z.string(),
  oracle: z.string(),
  streams: z.number().int().positive(),
  parameters: z.enum(["validation", "generated"]),
  seed: z.number().int(),
  copy: z.object({ method: z.string(), seconds: z.number().nonnegative() }),
  changeMethod: z.string(),
  power: z.object({
    order: z.array(z.number().int()),
    rf1: refreshFunctionSchema,
    rf2: refreshFunctionSchema,
    queries: z.record(queryIntervalSchema),
    /** Null when a query or refresh function failed: the metric needs all 24 intervals. */
    powerAtSize: z.number().positive().nullable(),
  }),
  throughput: z.object({
    seconds: z.number().positive(),
    streams: z.array(z.object({ stream: z.number().int(), order: z.array(z.number().int()), startedAt: z.number(), endedAt: z.number(), queries: z.record(queryIntervalSchema) })),
    refresh: z.array(z.object({ set: z.number().int(), startedAt: z.number(), endedAt: z.number(), rf1: refreshFunctionSchema, rf2: refreshFunctionSchema })),
    throughputAtSize: z.number().positive().nullable(),
  }),
  qphhAtSize: z.number().positive().nullable(),
  counts: z.array(countCheckSchema),
  storage: z.record(z.record(z.unknown())),
  settings: z.object({ common: z.array(engineSettingSchema), format: z.array(engineSettingSchema) }).optional(),
  totals: z.object({
    checked: z.number().int().nonnegative(),
    passed: z.number().int().nonnegative(),
    /** "power q14", "stream 2 q03". */
    failed: z.array(z.string()),
    mismatched: z.array(z.string()),
    /** "state 2: orders 15015, expected 15015" when a row count is off. */
    countMismatches: z.array(z.string()),
    /**
     * Throughput queries of a format without snapshot isolation (plain Parquet) that failed or
     * read part of a rewrite: reported, not counted as the format's wrong answers.
     */
    unisolated: z.array(z.string()).default([]),
  }),
});
export type QphhMetrics = z.infer<typeof qphhMetricsSchema>;
