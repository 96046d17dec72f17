/** The power + throughput test's metrics from the job's output and the oracle at every state. */
import { describe, expect, it } from "vitest";
import { qphhOutputSchema, stateOracleSchema, streamAnswerFileSchema } from "../../../src/core/engines/outputs";
import { target } from "../../../src/core/phase/targets";
import { buildQphhMetrics, querySeed } from "../../../src/core/phases/qphhPhase";
import { qphhMetricsSchema } from "../../../src/core/phases/qphhMetrics";

const QUERIES = Array.from({ length: 22 }, (_, i) => `q${String(i + 1).padStart(2, "0")}`);
const refresh = { seconds: 2, tables: { orders: 1, lineitem: 1 } };
const answer = (value: number) => ({ columns: ["n"], rows: [[value]], hash: `h${value}` });

/** One stream; q01's oracle answer changes at state 5 (the refresh stream's first commit). */
function inputs(stream1q01: number, window: [number, number], counted = 15_015) {
  const raw = qphhOutputSchema.parse({
    format: "delta", engine_version: "3.5.9", scale_factor: 1, streams: 1, seed: 1202030405, parameters: "generated",
    copy: { method: "file copy", seconds: 3 },
    power: { started: 100, ended: 160, rf1: refresh, rf2: refresh, order: [1], queries: Object.fromEntries(QUERIES.map((q) => [q, { status: "completed", seconds: 2, state: 2 }])) },
    throughput: {
      started: 200, ended: 260, seconds: 60,
      streams: [{ stream: 1, order: [1], started: 200, ended: 250, queries: Object.fromEntries(QUERIES.map((q) => [q, { status: "completed", seconds: 2, started: 201, ended: 203, window: q === "q01" ? window : [4, 4] }])) }],
      refresh: [{ set: 2, started: 200, ended: 210, rf1: refresh, rf2: refresh }],
    },
    commits: [], counts: [{ state: 2, orders: counted, lineitem: 60_240 }],
    storage: { orders: {}, lineitem: {} }, change_method: "MERGE",
  });
  const answers = streamAnswerFileSchema.parse({
    engine: "spark-delta",
    streams: { "0": Object.fromEntries(QUERIES.map((q) => [q, answer(0)])), "1": Object.fromEntries(QUERIES.map((q) => [q, answer(q === "q01" ? stream1q01 : 0)])) },
  });
  const oracle = stateOracleSchema.parse({
    engine: "duckdb-1.4.3",
    states: [{ state: 2, label: "after rf1 lineitem set 1", orders: 15_015, lineitem: 60_240 }],
    answers: {
      "0": Object.fromEntries(QUERIES.map((q) => [q, { "2": "h0" }])),
      "1": Object.fromEntries(QUERIES.map((q) => [q, q === "q01" ? { "4": "h0", "5": "h5", "6": "h5" } : { "4": "h0" }])),
    },
    results: { h0: answer(0), h5: answer(5) },
  });
  return { raw, answers, oracle };
}

const build = (i: ReturnType<typeof inputs>, format: "delta" | "parquet" = "delta") =>
  qphhMetricsSchema.parse(buildQphhMetrics({ benchmarkId: "lb-20261202-000000-abcd", scaleFactor: 1 }, target("spark", format), i.raw, i.answers, i.oracle));

describe("buildQphhMetrics", () => {
  it("accepts a throughput answer equal to the oracle at a later state of its window, and says which", () => {
    const metrics = build(inputs(5, [4, 5]));
    expect(metrics.throughput.streams[0].queries.q01.answer).toMatchObject({ status: "match", state: 5 });
    expect(metrics.totals).toMatchObject({ checked: 44, passed: 44, mismatched: [], countMismatches: [] });
    // 24 intervals of 2 s: 3600 / 2; one stream over 60 s: 22 * 3600 / 60.
    expect(metrics.power.powerAtSize).toBeCloseTo(1800, 6);
    expect(metrics.throughput.throughputAtSize).toBeCloseTo(1320, 6);
    expect(metrics.qphhAtSize).toBeCloseTo(Math.sqrt(1800 * 1320), 6);
    expect(metrics.throughput.streams[0].queries.q01).toMatchObject({ startedAt: 1, endedAt: 3 });
  });

  it("lists an answer that only a state outside its window has as wrong", () => {
    const metrics = build(inputs(5, [4, 4]));
    expect(metrics.totals.mismatched).toEqual(["stream 1 q01"]);
  });

  it("reports, not counts as wrong, a plain Parquet throughput query that read part of a rewrite (no snapshot isolation)", () => {
    const metrics = build(inputs(5, [4, 4]), "parquet");
    expect(metrics.totals).toMatchObject({ mismatched: [], failed: [], unisolated: ["stream 1 q01 read part of a rewrite"], checked: 44, passed: 43 });
  });

  it("lists a row count that differs from the oracle's at that state", () => {
    const metrics = build(inputs(5, [4, 5], 15_014));
    expect(metrics.totals.countMismatches).toEqual(["state 2: orders 15014 (expected 15015), lineitem 60240 (expected 60240)"]);
  });
});

describe("querySeed", () => {
  it("is the bronze data's creation time as mmddhhmmss (TPC-H clause 2.1.3.3), in UTC", () => {
    expect(querySeed("2026-12-02T03:04:05.678Z")).toBe(1202030405);
  });
});
