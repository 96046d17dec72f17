/** The refresh workload's job files (issue 9 shapes): what the TypeScript reads is checked, the rest passes through. */
import { describe, expect, it } from "vitest";
import { qphhOutputSchema, stateOracleSchema, streamAnswerFileSchema } from "../../../src/core/engines/outputs";

const rf = (orders: number, lineitem: number) => ({ seconds: orders + lineitem, tables: { orders, lineitem } });

function qphhOutput() {
  return {
    format: "iceberg", engine_version: "3.5.6", scale_factor: 0.01, streams: 1, seed: 7, parameters: "generated",
    copy: { method: "file copy", seconds: 1.5 },
    power: {
      started: 1000, ended: 1030, rf1: rf(0.4, 0.6), rf2: rf(0.3, 0.5), order: [14, 2, 9],
      queries: { q14: { status: "completed", seconds: 0.8, state: 2 }, q02: { status: "failed", seconds: null, error: "boom", state: 2 } },
    },
    throughput: {
      started: 1031, ended: 1100, seconds: 69,
      streams: [{ stream: 1, order: [21, 3], started: 1031, ended: 1099, queries: { q21: { status: "completed", seconds: 2, started: 1031, ended: 1033, window: [4, 6] } } }],
      refresh: [{ set: 2, started: 1031, ended: 1040, rf1: rf(0.4, 0.6), rf2: rf(0.3, 0.5) }],
    },
    commits: [{ state: 1, set: 1, function: "rf1", table: "orders", committed_at: 1000.4, version: 3 }, { state: 2, set: 1, function: "rf1", table: "lineitem", committed_at: 1001, version: null }],
    counts: [{ state: 2, orders: 15015, lineitem: 60239 }],
    storage: { orders: { data_files: 3, delete_files: null, total_bytes: 1000 }, lineitem: { data_files: 4, delete_files: 2, snapshots: 5 } },
    change_method: "MERGE INTO ... WHEN MATCHED THEN DELETE",
    job_added_later: { anything: true },
  };
}

describe("qphhOutputSchema", () => {
  it("reads the job's file, a failed query's null seconds as absent, and keeps fields it does not know", () => {
    const parsed = qphhOutputSchema.parse(qphhOutput());
    expect(parsed.power.queries.q02).toMatchObject({ status: "failed", error: "boom" });
    expect(parsed.power.queries.q02.seconds).toBeUndefined();
    expect(parsed.throughput.streams[0].queries.q21.window).toEqual([4, 6]);
    expect((parsed as Record<string, unknown>).job_added_later).toEqual({ anything: true });
    expect(parsed.storage.lineitem).toMatchObject({ delete_files: 2, snapshots: 5 });
  });

  it("rejects a window whose end lies before its start and a commit to a table refreshes do not change", () => {
    const backwards = qphhOutput();
    backwards.throughput.streams[0].queries.q21.window = [6, 4];
    expect(qphhOutputSchema.safeParse(backwards).success).toBe(false);
    const wrongTable = qphhOutput();
    wrongTable.commits[0].table = "customer";
    expect(qphhOutputSchema.safeParse(wrongTable).success).toBe(false);
  });
});

describe("stateOracleSchema", () => {
  const result = { columns: ["n"], rows: [[1]], hash: "h1" };
  const oracle = {
    engine: "duckdb-1.4.3",
    states: [{ state: 0, label: "pristine", orders: 15000, lineitem: 60175 }],
    answers: { "0": { q01: { "2": "h1" } }, "1": { q01: { "4": "h1", "5": "h1" } } },
    results: { h1: result },
    errors: {},
    queries_hash: "abc",
  };

  it("reads states, answers by stream/query/state and results by hash", () => {
    expect(stateOracleSchema.parse(oracle).answers["1"].q01["5"]).toBe("h1");
  });

  it("rejects an answer whose hash has no result", () => {
    const broken = { ...oracle, answers: { "1": { q01: { "4": "h-missing" } } } };
    const issues = stateOracleSchema.safeParse(broken).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join("/"))).toEqual(["answers/1/q01/4"]);
  });
});

describe("streamAnswerFileSchema", () => {
  it("reads answers per stream and query, errors included", () => {
    const file = { engine: "spark-iceberg", streams: { "0": { q14: { columns: ["promo"], rows: [[16.38]], hash: "h" } }, "1": { q21: { error: "boom" } } } };
    expect(streamAnswerFileSchema.parse(file).streams["1"].q21.error).toBe("boom");
    expect(streamAnswerFileSchema.safeParse({ engine: "spark-iceberg", streams: { "0": { q14: { rows: [[{}]] } } } }).success).toBe(false);
  });
});
