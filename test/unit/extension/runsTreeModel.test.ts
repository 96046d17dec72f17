import { describe, expect, it } from "vitest";
import { buildRunTree } from "../../../src/extension/tree/runsTreeModel";
import { run } from "./support/state";

describe("the Runs tree model", () => {
  const first = run({
    benchmarkId: "lb-20260101-100000-aaaa",
    reportDir: "/data/gold/reports/lb-20260101-100000-aaaa",
    summary: {
      scaleFactor: 0.01,
      formats: ["parquet", "iceberg"],
      targets: ["spark.parquet", "spark.iceberg"],
      gold: { "spark.parquet": { passed: 22, queries: 22, sumOfMedians: 10 }, "spark.iceberg": { passed: 21, queries: 22 } },
      failures: ["queries@spark.iceberg: wrong answers: q05"],
    },
    status: "failed",
  });
  const second = run({
    benchmarkId: "lb-20260102-100000-bbbb",
    startedAt: "2026-01-02T10:00:00.000Z",
    // The report was up to date: this run points at the first run's report.
    reportDir: "/data/gold/reports/lb-20260101-100000-aaaa",
    summary: { scaleFactor: 0.01, formats: ["parquet", "iceberg"], targets: ["spark.parquet", "spark.iceberg"], gold: {} },
  });

  it("lists runs newest first with date, scale factor, formats and pass/fail", () => {
    const nodes = buildRunTree([first, second], () => true);
    expect(nodes.map((n) => n.id)).toEqual([second.benchmarkId, first.benchmarkId]);
    expect(nodes[1].description).toBe("SF 0.01 · parquet, iceberg · 43/44 passed");
    expect(nodes[1].status).toBe("failed");
    expect(nodes[1].tooltip.error).toContain("wrong answers: q05");
    expect(nodes[1].tooltip.fields).toContainEqual({ label: "spark.parquet", value: "22/22 passed, sum of medians 10.00 s" });
  });

  it("points a run to the report it shows, its own or the earlier one it found up to date", () => {
    const nodes = buildRunTree([first, second], () => true);
    expect(nodes[1].reportId).toBe(first.benchmarkId);
    expect(nodes[0].reportId).toBe(first.benchmarkId);
    expect(nodes[0].contextValue).toBe("run.report");
  });

  it("offers no report when its summary is gone, and reads a running run's settings from its config", () => {
    const running = run({ benchmarkId: "lb-3", status: "running", finishedAt: undefined, summary: undefined });
    const [node] = buildRunTree([running], () => false);
    expect(node.hasReport).toBe(false);
    expect(node.contextValue).toBe("run");
    expect(node.description).toBe("SF 0.01 · parquet, iceberg · running…");
  });

  it("reads a summary of another shape as none: the formats come from the run's config", () => {
    const odd = run({ benchmarkId: "lb-4", summary: { scaleFactor: "small", formats: "iceberg", gold: [] } });
    const [node] = buildRunTree([odd], () => false);
    expect(node.description).toBe("SF 0.01 · parquet, iceberg · completed");
  });
});
