import { describe, expect, it } from "vitest";
import { qphhChart, refreshTimesChart } from "../../../webview/model/qphhCharts";
import { reportModel } from "../report/model.fixture";
import { qphhReportModel } from "../report/qphh.fixture";

describe("the report panel's power and throughput charts as data", () => {
  const a = qphhReportModel();

  it("draws QphH@Size per format, one bar per target in its colour", () => {
    const chart = qphhChart({ primary: a })!;
    expect(chart.categories).toEqual(["Iceberg", "Delta Lake"]);
    expect(chart.colorByCategory).toBe(true);
    expect(chart.categoryTargets!.map((t) => t.id)).toEqual(["spark.iceberg", "spark.delta"]);
    expect(chart.series.map((s) => s.values.map((v) => v?.y))).toEqual([[a.qphh!["spark.iceberg"]!.qphhAtSize, a.qphh!["spark.delta"]!.qphhAtSize]]);
    expect(chart.subtitle).toContain("not an audited TPC result");
  });

  it("draws the power test's RF1 and RF2 seconds per target, and both runs when comparing", () => {
    expect(refreshTimesChart({ primary: a })!.series.map((s) => [s.label, s.values.map((v) => v?.y)])).toEqual([["Iceberg", [1.2, 0.8]], ["Delta Lake", [2.4, 1.6]]]);
    const b = qphhReportModel({ benchmarkId: "lb-20260102-000000-bbbb" });
    expect(refreshTimesChart({ primary: a, compare: b })!.series.map((s) => s.label)).toEqual(["Iceberg · A", "Iceberg · B", "Delta Lake · A", "Delta Lake · B"]);
    expect(qphhChart({ primary: a, compare: b })!.series.map((s) => s.label)).toEqual(["run A", "run B"]);
  });

  it("draws nothing for runs without the test (a null QphH@Size is no bar)", () => {
    expect(qphhChart({ primary: reportModel() })).toBeNull();
    expect(refreshTimesChart({ primary: reportModel() })).toBeNull();
    const failed = qphhReportModel();
    failed.qphh!["spark.delta"]!.qphhAtSize = null;
    expect(qphhChart({ primary: failed })!.series[0].values[1]).toBeNull();
  });
});
