import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataLayout, parseState } from "../../../src/core";
import { readReportModel, reportFileOf, runChoice, runsWithReports, summaryFileOf } from "../../../src/extension/report/reportRuns";
import { buildRunTree } from "../../../src/extension/tree/runsTreeModel";
import { tempDirs } from "../helpers/fixtures";
import { run, state } from "./support/state";

/** A state file and its report's summary.json as the landed main (version 1) wrote them. */
const V1 = path.resolve(__dirname, "../../fixtures/v1");

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe("the runs that have a report", () => {
  const layout = new DataLayout({ dataDir: "/data", scaleFactor: 0.01 }, "/ws");
  const own = run({ benchmarkId: "lb-20260101-100000-aaaa", reportDir: layout.reportDir("lb-20260101-100000-aaaa") });
  // Found the report up to date: points at the first run's report.
  const reused = run({ benchmarkId: "lb-20260102-100000-bbbb", reportDir: layout.reportDir("lb-20260101-100000-aaaa") });

  it("finds a run's report files where core's layout writes them", () => {
    expect(summaryFileOf(own)).toBe(layout.summaryFile("lb-20260101-100000-aaaa"));
    expect(reportFileOf(reused, "summary")).toBe(layout.summaryFile("lb-20260101-100000-aaaa"));
    expect(reportFileOf(own, "html")).toBe(path.join(layout.reportDir("lb-20260101-100000-aaaa"), "report.html"));
    expect(reportFileOf(own, "markdown")).toBe(path.join(layout.reportDir("lb-20260101-100000-aaaa"), "report.md"));
    expect(summaryFileOf(run({ reportDir: undefined }))).toBeUndefined();
  });

  it("lists the runs that wrote their own report whose summary is still there, newest first", () => {
    const gone = run({ benchmarkId: "lb-20260103-100000-cccc", reportDir: layout.reportDir("lb-20260103-100000-cccc") });
    const present = new Set([layout.summaryFile("lb-20260101-100000-aaaa")]);
    expect(runsWithReports(state({}, [own, reused, gone]), (file) => present.has(file)).map((r) => r.benchmarkId)).toEqual([own.benchmarkId]);
  });

  it("offers a run in the picker with its scale factor and its targets' labels", () => {
    const ended = run({ summary: { scaleFactor: 0.1, formats: ["iceberg-mor", "delta-dv"], targets: ["spark.iceberg-mor", "spark.delta-dv"], gold: {} } });
    expect(runChoice(ended)).toMatchObject({ benchmarkId: ended.benchmarkId, scaleFactor: 0.1, targets: ["Iceberg MOR", "Delta DV"], status: "completed" });
    // Still running: no summary yet, so the targets of the formats it was started with.
    const running = run({ status: "running", summary: undefined, config: { TPCH_SCALE_FACTOR: "1", FRAMEWORKS: "hudi-mor,parquet" } });
    expect(runChoice(running)).toMatchObject({ scaleFactor: 1, targets: ["Hudi MOR", "Parquet"], status: "running" });
  });

  it("lists a run of a version 1 state file by the targets its summary is migrated to", () => {
    const parsed = parseState(readFileSync(path.join(V1, "state.json"), "utf8"));
    if (!("state" in parsed)) throw new Error(parsed.reason);
    const [record] = parsed.state.runs;
    expect(runChoice(record)).toMatchObject({ scaleFactor: 0.01, targets: ["Iceberg", "Parquet"] });
    expect(buildRunTree([record], () => true)[0].description).toBe("SF 0.01 · iceberg, parquet · 4/4 passed");
  });

  it("reads a version 1 summary.json as the current report model, keyed by target", async () => {
    const model = await readReportModel(path.join(V1, "summary.json"));
    expect(model.schemaVersion).toBe(2);
    expect(model.targets.map((t) => [t.id, t.label])).toEqual([["spark.iceberg", "Iceberg"], ["spark.parquet", "Parquet"]]);
    expect(Object.keys(model.queries[0].byTarget)).toEqual(["spark.iceberg", "spark.parquet"]);
  });

  it("reads a summary.json of the current version and refuses a file that is not one", async () => {
    const dir = dirs.make();
    const file = (name: string, value: unknown) => {
      const at = path.join(dir, name);
      mkdirSync(path.dirname(at), { recursive: true });
      writeFileSync(at, JSON.stringify(value));
      return at;
    };
    const v2 = { schemaVersion: 2, benchmarkId: "lb-1", workload: "tpch-read", targets: [], load: {}, totals: {}, queries: [] };
    const model = await readReportModel(file("v2.json", v2));
    expect(model.benchmarkId).toBe("lb-1");
    const other = file("other.json", { hello: "world" });
    await expect(readReportModel(other)).rejects.toThrow(`${other}: not a Lakehouse Bench summary`);
    await expect(readReportModel(file("v3.json", { ...v2, schemaVersion: 3 }))).rejects.toThrow(/schemaVersion/);
  });
});
