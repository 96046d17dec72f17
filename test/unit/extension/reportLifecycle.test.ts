/** The report panel's lifecycle charts and tables as data: one line per target, absent without the step. */
import { describe, expect, it } from "vitest";
import { summarizeLifecycle } from "../../../src/core/report/lifecycleSummary";
import { changeTimesChart, degradationChart, hasLifecycle, lifecycleStorageChart, maintenanceChart } from "../../../webview/model/lifecycleCharts";
import { lifecyclePassTable, lifecycleProblems, lifecycleSummaryTable } from "../../../webview/model/lifecycleTables";
import { build } from "../phases/lifecycle.fixture";
import { reportModel } from "../report/model.fixture";

const MIB = 2 ** 20;

function lifecycleModel(overrides: Parameters<typeof reportModel>[0] = {}) {
  const iceberg = summarizeLifecycle(build());
  const delta = summarizeLifecycle(build());
  delta.passes = delta.passes.map((p) => ({ ...p, sumSeconds: p.sumSeconds === null ? null : p.sumSeconds * 2 }));
  return reportModel({ workload: "lifecycle", lifecycle: { "spark.iceberg": iceberg, "spark.delta": delta }, ...overrides });
}

describe("the report panel's lifecycle charts as data", () => {
  const a = lifecycleModel();

  it("draws the queries' total seconds per pass, one line per target in its colour, time travel left out", () => {
    const chart = degradationChart({ primary: a })!;
    expect(chart.id).toBe("lifecycle-degradation");
    expect(chart.categories).toEqual(["round-0", "round-1", "round-2", "maintained"]);
    expect(chart.series.map((s) => [s.label, s.target.id])).toEqual([["Iceberg", "spark.iceberg"], ["Delta Lake", "spark.delta"]]);
    expect(chart.series[0].points.map((p) => p?.y)).toEqual([3, 3.3000000000000003, 3.96, 3.1500000000000004]);
    expect(chart.series[1].points[0]).toEqual({ y: 6 });
    expect(chart.showLine).toBe(true);
  });

  it("leaves a gap for a pass without a sum, and draws both runs when comparing", () => {
    const gap = lifecycleModel();
    gap.lifecycle!["spark.iceberg"]!.passes[1].sumSeconds = null;
    expect(degradationChart({ primary: gap })!.series[0].points[1]).toBeNull();
    const b = lifecycleModel({ benchmarkId: "lb-20260102-000000-bbbb" });
    expect(degradationChart({ primary: a, compare: b })!.series.map((s) => [s.label, s.role])).toEqual([["Iceberg · A", "A"], ["Iceberg · B", "B"], ["Delta Lake · A", "A"], ["Delta Lake · B", "B"]]);
  });

  it("stacks live and dead bytes per target for each round and after maintenance", () => {
    const chart = lifecycleStorageChart({ primary: a })!;
    expect(chart.categories).toEqual(["round 0", "round 1", "round 2", "maintenance"]);
    const [live, dead] = chart.series;
    expect([live.label, live.stack, live.shade, dead.label, dead.stack, dead.shade]).toEqual(["Iceberg live data", "spark.iceberg·A", "solid", "Iceberg dead bytes", "spark.iceberg·A", "light"]);
    expect(dead.values.map((v) => v!.y * MIB)).toEqual([100, 500, 1000, 200]);
    expect(chart.series).toHaveLength(4);
  });

  it("stacks RF1, RF2 and the upsert per target for each round", () => {
    const chart = changeTimesChart({ primary: a })!;
    expect(chart.categories).toEqual(["round 1", "round 2"]);
    expect(chart.series.slice(0, 3).map((s) => [s.label, s.shade, s.values[0]?.y])).toEqual([["Iceberg RF1", "solid", 1], ["Iceberg RF2", "medium", 2], ["Iceberg upsert", "light", 3]]);
  });

  it("puts each target's maintenance seconds against its recovery", () => {
    const chart = maintenanceChart({ primary: a })!;
    expect(chart.xUnit).toBe("s");
    expect(chart.showLine).toBe(false);
    expect(chart.series.map((s) => s.points)).toEqual([[{ x: 7, y: 1.05 }], [{ x: 7, y: 1.05 }]]);
  });

  it("draws nothing for runs without the step, so a tpch-read report is unchanged", () => {
    const plain = { primary: reportModel() };
    expect(hasLifecycle(plain)).toBe(false);
    for (const chart of [degradationChart, lifecycleStorageChart, changeTimesChart, maintenanceChart]) expect(chart(plain)).toBeNull();
    expect(lifecycleSummaryTable(plain).rows).toEqual([]);
  });
});

describe("the report panel's lifecycle tables as data", () => {
  it("has per target the rate with its interval, recovery, amplification, time travel and answers", () => {
    const table = lifecycleSummaryTable({ primary: lifecycleModel() });
    const row = table.rows[0].cells.map((c) => c.text);
    expect(row[0]).toBe("Iceberg");
    expect(row[2]).toMatch(/^15\.0 % \(/);
    expect(row.slice(3, 5)).toEqual(["1.05×", "2.00 → 1.20"]);
    expect(table.rows[0].cells[7]).toMatchObject({ text: "equals round 0 (3.000 s)", tone: "good" });
    expect(table.rows[0].cells[8]).toMatchObject({ text: "10/10", tone: "good" });
  });

  it("says a format without time travel is unsupported, and lists wrong answers as problems", () => {
    const model = lifecycleModel();
    const s = model.lifecycle!["spark.delta"]!;
    s.timeTravel = { supported: false, error: "parquet keeps no versions", seconds: null, matchesRoundZero: false };
    s.totals = { ...s.totals, passed: 9, mismatched: ["round-2 q01"] };
    const table = lifecycleSummaryTable({ primary: model });
    expect(table.rows[1].cells[7]).toMatchObject({ text: "unsupported", tone: "muted", title: "parquet keeps no versions" });
    expect(table.rows[1].cells[8]).toMatchObject({ text: "9/10", tone: "bad" });
    expect(lifecycleProblems({ primary: model })).toEqual(["Delta Lake: wrong answer in round-2 q01"]);
  });

  it("has one column per pass in the order they ran", () => {
    const table = lifecyclePassTable({ primary: lifecycleModel() });
    expect(table.columns.map((c) => c.title)).toEqual(["target", "round-0", "round-1", "round-2", "time-travel", "maintained"]);
    expect(table.rows[1].cells.map((c) => c.text)).toEqual(["Delta Lake", "6.00 s", "6.60 s", "7.92 s", "6.00 s", "6.30 s"]);
  });
});
