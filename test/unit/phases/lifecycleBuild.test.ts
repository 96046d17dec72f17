/** The lifecycle metrics: answers judged at the round each pass read, counts, storage and the summary figures. */
import { describe, expect, it } from "vitest";
import { lifecycleOutputSchema, passAnswerFileSchema, type LifecycleOutput } from "../../../src/core/engines/lifecycleOutputs";
import { stateOracleSchema } from "../../../src/core/engines/outputs";
import { target } from "../../../src/core/phase/targets";
import { buildLifecycleMetrics } from "../../../src/core/phases/lifecycleBuild";
import { lifecycleMetricsSchema } from "../../../src/core/phases/lifecycleMetrics";

// Query q01's answer changes every round (h0, h1, h2); q02's never does.
const answer = (hash: string) => ({ columns: ["x"], rows: [[hash]], hash });
const oracle = stateOracleSchema.parse({
  engine: "duckdb-1.4.3",
  states: [0, 1, 2].map((state) => ({ state, label: state ? `after round ${state}` : "pristine", orders: 100 + state, lineitem: 400 + state })),
  answers: { "0": { q01: { "0": "h0", "1": "h1", "2": "h2" }, q02: { "0": "k", "1": "k", "2": "k" } } },
  results: { h0: answer("h0"), h1: answer("h1"), h2: answer("h2"), k: answer("k") },
});

const storage = (round: number, after: "round" | "maintenance", live: number, total: number) => ({
  round,
  after,
  tables: {
    orders: { data_files: 1, data_bytes: live / 2, delete_files: 0, total_bytes: total / 2, metadata_bytes: 10, versions: round + 1 },
    lineitem: { data_files: 2, data_bytes: live / 2, delete_files: round, total_bytes: total / 2, metadata_bytes: 20, versions: round + 1 },
  },
});

const pass = (id: string, state: number, q01: number, q02: number, status: "completed" | "unsupported" = "completed") => ({
  pass: id,
  state,
  started: 1000,
  ended: 1010,
  queries: status === "completed"
    ? { q01: { status, seconds: q01, rows: 1, hash: "x" }, q02: { status, seconds: q02, rows: 1, hash: "x" } }
    : { q01: { status, error: "no time travel" }, q02: { status, error: "no time travel" } },
});

function rawOutput(overrides: Partial<LifecycleOutput> = {}): LifecycleOutput {
  return lifecycleOutputSchema.parse({
    format: "iceberg-mor",
    engine_version: "3.5.6",
    scale_factor: 0.01,
    rounds: 2,
    queries: ["q01", "q02"],
    copy: { method: "copy", seconds: 1 },
    change_method: "INSERT/DELETE",
    upsert_method: "MERGE INTO",
    maintenance_method: "rewrite_data_files",
    warmup_seconds: 3,
    passes: [pass("round-0", 0, 1, 2), pass("round-1", 1, 1.1, 2.2), pass("round-2", 2, 1.32, 2.64), pass("time-travel", 0, 1, 2), pass("maintained", 2, 1.05, 2.1)],
    changes: [1, 2].flatMap((round) => [
      { round, operation: "rf1", seconds: 1, tables: { orders: 0.5, lineitem: 0.5 } },
      { round, operation: "rf2", seconds: 2, tables: { orders: 1, lineitem: 1 } },
      { round, operation: "upsert", seconds: 3, tables: { lineitem: 3 }, rows: 50 },
    ]),
    storage: [storage(0, "round", 1000, 1100), storage(1, "round", 1000, 1500), storage(2, "round", 1000, 2000), storage(2, "maintenance", 1000, 1200)],
    counts: [0, 1, 2].map((state) => ({ state, orders: 100 + state, lineitem: 400 + state })),
    versions: [0, 1, 2].map((round) => ({ round, tables: { orders: `o${round}`, lineitem: `l${round}` } })),
    maintenance: { seconds: 7, operations: [{ table: "lineitem", procedure: "rewrite_data_files", seconds: 7 }] },
    time_travel: { supported: true, method: "VERSION AS OF", error: null },
    readable_after_maintenance: [{ round: 0, readable: false, lineitem_rows: null, error: "ValidationException: expired" }, { round: 1, readable: true, lineitem_rows: 401, error: null }],
    ...overrides,
  });
}

const answersFor = (hashes: Record<string, string>) =>
  passAnswerFileSchema.parse({
    engine: "spark-iceberg-mor",
    passes: Object.fromEntries(Object.entries(hashes).map(([id, q01]) => [id, { q01: answer(q01), q02: answer("k") }])),
  });
const rightAnswers = answersFor({ "round-0": "h0", "round-1": "h1", "round-2": "h2", "time-travel": "h0", maintained: "h2" });
const build = (raw = rawOutput(), answers = rightAnswers) => lifecycleMetricsSchema.parse(buildLifecycleMetrics({ benchmarkId: "b1", scaleFactor: 0.01 }, target("spark", "iceberg-mor"), raw, answers, oracle));

describe("buildLifecycleMetrics", () => {
  it("checks every pass's answers at the round it read: time travel at round 0, after maintenance at the last round", () => {
    const metrics = build();
    expect(metrics.totals).toMatchObject({ checked: 10, passed: 10, failed: [], mismatched: [], countMismatches: [], unsupported: [] });
    expect(metrics.timeTravel).toMatchObject({ supported: true, matchesRoundZero: true, seconds: 3 });
  });

  it("lists an answer that equals an earlier round's as wrong: a change the format did not apply", () => {
    const stale = answersFor({ "round-0": "h0", "round-1": "h0", "round-2": "h2", "time-travel": "h2", maintained: "h2" });
    const metrics = build(rawOutput(), stale);
    expect(metrics.totals.mismatched).toEqual(["round-1 q01", "time-travel q01"]);
    expect(metrics.timeTravel.matchesRoundZero).toBe(false);
  });

  it("computes the degradation rate over the rounds' sums, recovery after maintenance, amplification per round", () => {
    const { summary, storage, passes } = build();
    // Sums 3, 3.3, 3.96: +10 % then +20 %.
    expect(summary.degradation!.rate).toBeCloseTo(0.15, 10);
    expect(summary.degradation!.interval!.low).toBeLessThan(0.15);
    expect(summary.recovery).toBeCloseTo(3.15 / 3, 10);
    expect(storage.map((s) => s.amplification)).toEqual([1.1, 1.5, 2, 1.2]);
    expect(storage[2]).toMatchObject({ liveBytes: 1000, deadBytes: 1000, deleteFiles: 2, versions: 6 });
    expect(summary).toMatchObject({ amplificationAfterRounds: 2, amplificationAfterMaintenance: 1.2, changeSeconds: 12, maintenanceSeconds: 7 });
    expect(passes.find((p) => p.pass === "round-2")!.slowdown!.ratio).toBeCloseTo(1.32, 10);
  });

  it("checks row counts after every round and the rows of versions still readable after maintenance", () => {
    const raw = rawOutput({
      counts: [{ state: 0, orders: 100, lineitem: 400 }, { state: 1, orders: 101, lineitem: 999 }, { state: 2, orders: 102, lineitem: 402 }],
      readable_after_maintenance: [{ round: 1, readable: true, lineitem_rows: 7, error: null }],
    });
    const metrics = build(raw);
    expect(metrics.totals.countMismatches).toEqual(["round 1: orders 101 (expected 101), lineitem 999 (expected 401)", "round 1 read after maintenance: lineitem 7 (expected 401)"]);
    expect(build().maintenance.readable).toEqual([
      { round: 0, readable: false, rowsOk: null, error: "ValidationException: expired" },
      { round: 1, readable: true, rowsOk: true, error: null },
    ]);
  });

  it("records a time travel the format lacks as unsupported, not as failed or wrong", () => {
    const raw = rawOutput({ passes: [pass("round-0", 0, 1, 2), pass("round-1", 1, 1.1, 2.2), pass("round-2", 2, 1.32, 2.64), pass("time-travel", 0, 0, 0, "unsupported"), pass("maintained", 2, 1.05, 2.1)], time_travel: { supported: false, method: "none", error: "plain Parquet keeps no versions" } });
    const metrics = build(raw);
    expect(metrics.totals).toMatchObject({ failed: [], mismatched: [], unsupported: ["time-travel q01: no time travel", "time-travel q02: no time travel"] });
    expect(metrics.timeTravel).toMatchObject({ supported: false, matchesRoundZero: false, seconds: null });
    expect(metrics.summary.degradation).not.toBeNull();
  });

  it("gives no degradation rate when a round's pass has a failed query", () => {
    const failedPass = { ...pass("round-1", 1, 1, 1), queries: { q01: { status: "failed" as const, error: "boom" }, q02: { status: "completed" as const, seconds: 2 } } };
    const raw = rawOutput({ passes: [pass("round-0", 0, 1, 2), failedPass, pass("round-2", 2, 1.32, 2.64)] });
    const metrics = build(raw, rightAnswers);
    expect(metrics.summary.degradation).toBeNull();
    expect(metrics.totals.failed).toEqual(["round-1 q01"]);
  });
});
