import { describe, expect, it } from "vitest";
import type { BenchConfig } from "../../../src/core/config/benchConfig";
import type { PhaseKind } from "../../../src/core/phases/definition";
import { planPhases as planOf } from "../../../src/core/pipeline/plan";
import { selectPhases } from "../../../src/core/pipeline/runPipeline";
import { loadWorkload } from "../../../src/core/workloads";
import { benchConfig } from "../helpers/fixtures";
import { fakeSessions } from "./fakeEngineSession";

/** The plan of the default workload (tpch-read) on an engine session that never runs anything. */
const planPhases = (config: BenchConfig) => planOf(config, loadWorkload("tpch-read"), fakeSessions());

const names = (targets: PhaseKind[], formats = benchConfig().formats) =>
  selectPhases(planPhases(benchConfig({ formats })), targets).map((p) => p.name);

describe("planPhases", () => {
  it("plans bronze, then silver per format, then gold per format, then report, in FRAMEWORKS order", () => {
    expect(planPhases(benchConfig({ formats: ["delta", "iceberg"] })).map((p) => p.name)).toEqual([
      "bronze",
      "load@spark.delta",
      "load@spark.iceberg",
      "queries@spark.delta",
      "queries@spark.iceberg",
      "report",
    ]);
  });

  it("plans only the configured formats", () => {
    const plan = planPhases(benchConfig({ formats: ["hudi"] })).map((p) => p.name);
    expect(plan).toEqual(["bronze", "load@spark.hudi", "queries@spark.hudi", "report"]);
  });

  it("wires dependencies: silver on bronze, gold on its own format's silver, report on every gold", () => {
    const plan = Object.fromEntries(planPhases(benchConfig({ formats: ["iceberg", "parquet"] })).map((p) => [p.name, p]));
    expect(plan.bronze.dependsOn).toEqual([]);
    expect(plan["load@spark.iceberg"].dependsOn).toEqual(["bronze"]);
    expect(plan["load@spark.parquet"].dependsOn).toEqual(["bronze"]);
    expect(plan["queries@spark.iceberg"].dependsOn).toEqual(["load@spark.iceberg"]);
    expect(plan["queries@spark.parquet"].dependsOn).toEqual(["load@spark.parquet"]);
    expect(plan.report.dependsOn).toEqual(["queries@spark.iceberg", "queries@spark.parquet"]);
  });

  it("lets the report run with whatever gold phases completed, while the others need all dependencies", () => {
    const plan = planPhases(benchConfig({ formats: ["iceberg", "delta"] }));
    expect(plan.filter((p) => !p.needsAllDependencies).map((p) => p.name)).toEqual(["report"]);
  });

  it("tags each phase with its kind, its workload step and its target (engine and format)", () => {
    const plan = planPhases(benchConfig({ formats: ["delta"] }));
    expect(plan.map((p) => [p.name, p.kind, p.step, p.target])).toEqual([
      ["bronze", "bronze", undefined, undefined],
      ["load@spark.delta", "silver", "load", { id: "spark.delta", engine: "spark", format: "delta" }],
      ["queries@spark.delta", "gold", "queries", { id: "spark.delta", engine: "spark", format: "delta" }],
      ["report", "report", undefined, undefined],
    ]);
  });

  it("gives each format's silver phase settings that differ with the format options", () => {
    const config = benchConfig({ formats: ["iceberg", "delta"] });
    const plan = Object.fromEntries(planPhases(config).map((p) => [p.name, p]));
    const v2 = plan["load@spark.iceberg"].settings(config);
    const v1 = plan["load@spark.iceberg"].settings({ ...config, iceberg: { formatVersion: "1" } });
    expect(v1).not.toEqual(v2);
    // Iceberg's format version does not change Delta's output.
    expect(plan["load@spark.delta"].settings({ ...config, iceberg: { formatVersion: "1" } })).toEqual(plan["load@spark.delta"].settings(config));
  });

  it("gives bronze settings that depend on the scale factor only", () => {
    const config = benchConfig();
    const bronze = planPhases(config)[0];
    expect(bronze.settings({ ...config, queries: [5], formats: ["hudi"] })).toEqual(bronze.settings(config));
    expect(bronze.settings({ ...config, scaleFactor: 10 })).not.toEqual(bronze.settings(config));
  });
});

describe("selectPhases", () => {
  it('"gold" pulls in the loads and bronze for the configured formats, in order bronze, load@*, queries@*', () => {
    expect(names(["gold"], ["iceberg", "delta"])).toEqual(["bronze", "load@spark.iceberg", "load@spark.delta", "queries@spark.iceberg", "queries@spark.delta"]);
  });

  it('"gold" does not include the report', () => {
    expect(names(["gold"])).not.toContain("report");
  });

  it('"report" pulls in every phase, ending with report', () => {
    const all = ["bronze", "load@spark.iceberg", "load@spark.delta", "load@spark.hudi", "load@spark.parquet", "queries@spark.iceberg", "queries@spark.delta", "queries@spark.hudi", "queries@spark.parquet", "report"];
    expect(names(["report"])).toEqual(all);
  });

  it('"silver" pulls in bronze only, and no gold', () => {
    expect(names(["silver"], ["hudi", "parquet"])).toEqual(["bronze", "load@spark.hudi", "load@spark.parquet"]);
  });

  it('"bronze" selects bronze alone', () => {
    expect(names(["bronze"])).toEqual(["bronze"]);
  });

  it("keeps plan order whatever the order of the targets", () => {
    expect(names(["report", "bronze", "gold"], ["delta"])).toEqual(["bronze", "load@spark.delta", "queries@spark.delta", "report"]);
  });

  it("selects nothing for no targets", () => {
    expect(names([])).toEqual([]);
  });

  it("returns the plan's own phase definitions, not copies", () => {
    const plan = planPhases(benchConfig({ formats: ["iceberg"] }));
    const selected = selectPhases(plan, ["gold"]);
    for (const phase of selected) expect(plan).toContain(phase);
  });
});
