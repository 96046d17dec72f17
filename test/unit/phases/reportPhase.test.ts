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
import { build as lifecycleMetrics } from "./lifecycle.fixture";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const BENCH = "lb-20260101-000000-abcd";

type Step = "qphh" | "lifecycle" | undefined;
const WORKLOADS = { qphh: "tpch-qphh", lifecycle: "lifecycle" } as const;

/** A run of one target whose changing step (if any) completed with a fixture's metrics. */
function context(dir: string, step: Step): PhaseContext {
  // No query figures: computeVerdict fails when queries were asked for but no target answered any (reported).
  const config = benchConfig({ formats: ["iceberg"], queries: [], dataDir: path.join(dir, "data"), workload: step ? WORKLOADS[step] : "tpch-read" });
  const metricsFile = path.join(dir, `spark.iceberg.${step}.json`);
  writeFileSync(metricsFile, JSON.stringify(step === "lifecycle" ? { ...lifecycleMetrics(), target: "spark.iceberg", format: "iceberg" } : qphhMetrics()));
  const state: StateFile = { version: 2, phases: step ? { [`${step}@spark.iceberg`]: { status: "completed", benchmarkId: BENCH, result: { metricsFile } } } : {}, runs: [] };
  return { config, benchmarkId: BENCH, state: () => state, layout: new DataLayout(config, dir), progress: () => {} } as unknown as PhaseContext;
}

const phasesOf = (step: Step) => (target: TargetId) => ({ load: phaseId("load", target), queries: phaseId("queries", target), ...(step ? { [step]: phaseId(step, target) } : {}) });
const LIFECYCLE_SVGS = ["lifecycle-degradation.svg", "lifecycle-storage.svg", "lifecycle-changes.svg", "lifecycle-maintenance.svg"];

describe("the report phase", () => {
  it("writes the power and throughput test's charts beside the report when the run has one", async () => {
    const dir = dirs.make();
    const result = await runReportPhase(context(dir, "qphh"), phasesOf("qphh"), "tpch-qphh");
    for (const file of ["qphh.svg", "refresh-times.svg", "stream-timeline.svg"]) expect(existsSync(path.join(result.dir, file)), file).toBe(true);
    expect(readFileSync(result.markdown, "utf8")).toContain("## TPC-H power and throughput test (QphH@Size)");
    expect(JSON.parse(readFileSync(result.summary, "utf8")).qphh["spark.iceberg"].streams).toBe(2);
  });

  it("writes the lifecycle's four charts beside the report, each one the Markdown links to", async () => {
    const dir = dirs.make();
    const result = await runReportPhase(context(dir, "lifecycle"), phasesOf("lifecycle"), "lifecycle");
    const markdown = readFileSync(result.markdown, "utf8");
    for (const file of LIFECYCLE_SVGS) {
      expect(readFileSync(path.join(result.dir, file), "utf8"), file).toMatch(/^<svg /);
      expect(markdown, file).toContain(`(${file})`);
    }
  });

  it("writes none of them for a run without the test", async () => {
    const dir = dirs.make();
    const result = await runReportPhase(context(dir, undefined), phasesOf(undefined), "tpch-read");
    for (const file of ["qphh.svg", "refresh-times.svg", "stream-timeline.svg", ...LIFECYCLE_SVGS]) expect(existsSync(path.join(result.dir, file)), file).toBe(false);
    expect(existsSync(path.join(result.dir, "query-times.svg"))).toBe(true);
  });
});
