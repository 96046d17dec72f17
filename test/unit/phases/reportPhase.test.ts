import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { PhaseContext } from "../../../src/core/phase/context";
import { DataLayout } from "../../../src/core/phase/layout";
import { phaseId, type TargetId } from "../../../src/core/phase/targets";
import { runReportPhase } from "../../../src/core/phases/reportPhase";
import type { StateFile } from "../../../src/core/state/schema";
import { benchConfig, tempDirs } from "../helpers/fixtures";
import { qphhMetrics } from "../report/qphh.fixture";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const BENCH = "lb-20260101-000000-abcd";

function context(dir: string, qphh: boolean): PhaseContext {
  // No query figures: computeVerdict fails when queries were asked for but no target answered any (reported).
  const config = benchConfig({ formats: ["iceberg"], queries: [], dataDir: path.join(dir, "data"), workload: qphh ? "tpch-qphh" : "tpch-read" });
  const metricsFile = path.join(dir, "spark.iceberg.qphh.json");
  writeFileSync(metricsFile, JSON.stringify(qphhMetrics()));
  const state: StateFile = { version: 2, phases: qphh ? { "qphh@spark.iceberg": { status: "completed", benchmarkId: BENCH, result: { metricsFile } } } : {}, runs: [] };
  return { config, benchmarkId: BENCH, state: () => state, layout: new DataLayout(config, dir), progress: () => {} } as unknown as PhaseContext;
}

const phasesOf = (qphh: boolean) => (target: TargetId) => ({ load: phaseId("load", target), queries: phaseId("queries", target), ...(qphh ? { qphh: phaseId("qphh", target) } : {}) });

describe("the report phase", () => {
  it("writes the power and throughput test's charts beside the report when the run has one", async () => {
    const dir = dirs.make();
    const result = await runReportPhase(context(dir, true), phasesOf(true), "tpch-qphh");
    for (const file of ["qphh.svg", "refresh-times.svg", "stream-timeline.svg"]) expect(existsSync(path.join(result.dir, file)), file).toBe(true);
    expect(readFileSync(result.markdown, "utf8")).toContain("## TPC-H power and throughput test (QphH@Size)");
    expect(JSON.parse(readFileSync(result.summary, "utf8")).qphh["spark.iceberg"].streams).toBe(2);
  });

  it("writes none of them for a run without the test", async () => {
    const dir = dirs.make();
    const result = await runReportPhase(context(dir, false), phasesOf(false), "tpch-read");
    for (const file of ["qphh.svg", "refresh-times.svg", "stream-timeline.svg"]) expect(existsSync(path.join(result.dir, file)), file).toBe(false);
    expect(existsSync(path.join(result.dir, "query-times.svg"))).toBe(true);
  });
});
