/** The lifecycle metrics: answers judged at the round each pass read, counts, storage and the summary figures. */
import { describe, expect, it } from "vitest";
import { answersFor, build, pass, rawOutput, rightAnswers } from "./lifecycle.fixture";

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
    // A cleaned version read as other rows is recorded beside it, not counted as the run's mismatch.
    expect(metrics.totals.countMismatches).toEqual(["round 1: orders 101 (expected 101), lineitem 999 (expected 401)"]);
    expect(metrics.maintenance.readable).toEqual([{ round: 1, readable: true, rowsOk: false, rows: 7, expectedRows: 401, error: null }]);
    expect(build().maintenance.readable).toEqual([
      { round: 0, readable: false, rowsOk: null, rows: null, expectedRows: 400, error: "ValidationException: expired" },
      { round: 1, readable: true, rowsOk: true, rows: 401, expectedRows: 401, error: null },
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
