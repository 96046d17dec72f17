/** The lifecycle section's charts: described from the model, rendered as escaped standalone SVG. */
import { describe, expect, it } from "vitest";
import { changeTimesChart, degradationChart, lifecycleStorageChart, maintenanceRecoveryChart } from "../../../src/core/report/lifecycleCharts";
import { summarizeLifecycle } from "../../../src/core/report/lifecycleSummary";
import { renderBarChart } from "../../../src/core/report/svgChart";
import { renderXyChart } from "../../../src/core/report/svgLineChart";
import { build } from "../phases/lifecycle.fixture";
import { DELTA, ICEBERG, reportModel } from "./model.fixture";

const MIB = 2 ** 20;
const HOSTILE = '<script>alert("x")</script>';
const summary = summarizeLifecycle(build());
const model = reportModel({ workload: "lifecycle", lifecycle: { "spark.iceberg": summary, "spark.delta": summary } });

describe("the lifecycle charts' descriptions", () => {
  it("degradation: a line per target over round 0 … round R and after maintenance, time travel left out", () => {
    const chart = degradationChart(model);
    expect(chart.xLabels).toEqual(["round-0", "round-1", "round-2", "maintained"]);
    expect(chart.series.map((s) => s.name)).toEqual([ICEBERG.label, DELTA.label]);
    expect(chart.series[0].points.map((p) => p.y)).toEqual([3, expect.closeTo(3.3, 9), expect.closeTo(3.96, 9), expect.closeTo(3.15, 9)]);
  });

  it("storage: per round and after maintenance a bar stacked from the live and the dead bytes", () => {
    const chart = lifecycleStorageChart(model);
    expect(chart.categories).toEqual(["round 0", "round 1", "round 2", "maintenance"]);
    expect(chart.stack).toEqual(["live data", "dead bytes"]);
    const bars = chart.series[0].values;
    summary.storage.forEach((p, i) => {
      expect(bars[i].parts).toEqual([p.liveBytes / MIB, p.deadBytes / MIB]);
      expect(bars[i].value).toBeCloseTo((p.liveBytes + p.deadBytes) / MIB, 12);
    });
  });

  it("change operations: per round a bar stacked from RF1, RF2 and the upsert", () => {
    const chart = changeTimesChart(model);
    expect(chart.categories).toEqual(["round 1", "round 2"]);
    expect(chart.series[1].values).toEqual([{ value: 6, parts: [1, 2, 3] }, { value: 6, parts: [1, 2, 3] }]);
  });

  it("maintenance against recovery: one point per target, with 1× (round 0) as the reference", () => {
    const chart = maintenanceRecoveryChart(model);
    expect(chart.lines).toBe(false);
    expect(chart.reference?.y).toBe(1);
    expect(chart.series[0].points).toEqual([expect.objectContaining({ x: 7, y: expect.closeTo(1.05, 9) })]);
  });
});

describe("the SVG of the lifecycle charts", () => {
  const hostile = reportModel({ targets: [{ ...ICEBERG, label: HOSTILE, colour: '"><script>' }], lifecycle: { "spark.iceberg": summary } });

  it("escapes labels and colours, and carries no script", () => {
    for (const svg of [renderXyChart(degradationChart(hostile)), renderXyChart(maintenanceRecoveryChart(hostile)), renderBarChart(lifecycleStorageChart(hostile)), renderBarChart(changeTimesChart(hostile))]) {
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).not.toContain("<script");
      expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    }
  });

  it("draws a line through the measured passes with a tooltip on every point, and breaks it at a missing one", () => {
    const svg = renderXyChart(degradationChart(model));
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg).toContain("<title>Iceberg round-2: 3.960 s</title>");
    const gap = { ...summary, passes: summary.passes.map((p) => (p.pass === "round-1" ? { ...p, sumSeconds: null } : p)) };
    const broken = renderXyChart(degradationChart(reportModel({ targets: [ICEBERG], lifecycle: { "spark.iceberg": gap } })));
    // round-0 stands alone; round-2 to maintained is one line.
    expect(broken.match(/<polyline /g)).toHaveLength(1);
    expect(broken.match(/<circle /g)).toHaveLength(3);
  });

  it("stacks the parts of a bar, each with its own tooltip, and names the parts in the legend", () => {
    const svg = renderBarChart(changeTimesChart(model));
    expect(svg).toContain("<title>Iceberg round 1 upsert (MERGE): 3.000 s</title>");
    expect(svg.match(/fill-opacity="0.35"><title>/g)).toHaveLength(4);
    expect(svg).toContain(">RF2 (delete)</text>");
  });
});
