import { describe, expect, it } from "vitest";
import { describeRuns } from "../../../src/core/metrics/statistics";
import { planningSplit, queryCell, rowSpread, type QueryMetricsInput } from "../../../src/core/phases/queryCells";
import { reportModel } from "../report/model.fixture";

const metrics = (seconds: number[], extra: Partial<QueryMetricsInput> = {}): QueryMetricsInput => ({
  status: "completed",
  warmupSeconds: [],
  seconds,
  statistics: describeRuns(seconds),
  rows: 1,
  hash: "h",
  answer: { status: "match" },
  ...extra,
});

describe("queryCell", () => {
  it("keeps the timed runs and adds the median's 95 % interval", () => {
    const cell = queryCell(metrics([1.2, 1.0, 1.1, 1.05, 1.3]));
    expect(cell.seconds).toEqual([1.2, 1.0, 1.1, 1.05, 1.3]);
    expect(cell.medianInterval!.low).toBeLessThanOrEqual(1.1);
    expect(cell.medianInterval!.high).toBeGreaterThanOrEqual(1.1);
    expect(queryCell(metrics([1.2, 1.0, 1.1, 1.05, 1.3]))).toEqual(cell);
  });

  it("carries planning and execution medians when the metrics have planning seconds", () => {
    const cell = queryCell(metrics([1.0, 2.0, 1.5], { planningSeconds: [0.2, 0.4, 0.3], stoppedBy: "width" }));
    expect(cell.planningMedian).toBeCloseTo(0.3, 12);
    expect(cell.executionMedian).toBeCloseTo(1.2, 12);
    expect(cell.stoppedBy).toBe("width");
  });

  it("has no planning split for metrics files written before planning was recorded, or with mismatched lengths", () => {
    expect(queryCell(metrics([1, 2, 3])).planningMedian).toBeUndefined();
    expect(planningSplit([1, 2, 3], [0.1, 0.2])).toEqual({});
  });

  it("gives a failed query neither runs nor interval", () => {
    const cell = queryCell({ status: "failed", error: "boom", warmupSeconds: [], seconds: [], answer: { status: "unchecked", detail: "the query failed" } });
    expect(cell).toMatchObject({ status: "failed", error: "boom" });
    expect(cell.seconds).toBeUndefined();
    expect(cell.medianInterval).toBeUndefined();
  });
});

describe("rowSpread", () => {
  it("gives the fixture's rows the spread markers they show", () => {
    for (const row of reportModel().queries) expect(rowSpread(row.byTarget)).toEqual(row.spread);
  });
});
