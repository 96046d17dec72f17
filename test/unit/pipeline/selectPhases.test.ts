import { describe, expect, it } from "vitest";
import { planPhases, type PhaseKind } from "../../../src/core/pipeline/phases";
import { selectPhases } from "../../../src/core/pipeline/runPipeline";
import { benchConfig } from "../helpers/fixtures";

const names = (targets: PhaseKind[], frameworks = benchConfig().frameworks) =>
  selectPhases(planPhases(benchConfig({ frameworks })), targets).map((p) => p.name);

describe("planPhases", () => {
  it("plans bronze, then silver per format, then gold per format, then report, in FRAMEWORKS order", () => {
    expect(planPhases(benchConfig({ frameworks: ["delta", "iceberg"] })).map((p) => p.name)).toEqual([
      "bronze",
      "silver_delta",
      "silver_iceberg",
      "gold_delta",
      "gold_iceberg",
      "report",
    ]);
  });

  it("plans only the configured formats", () => {
    const plan = planPhases(benchConfig({ frameworks: ["hudi"] })).map((p) => p.name);
    expect(plan).toEqual(["bronze", "silver_hudi", "gold_hudi", "report"]);
  });

  it("wires dependencies: silver on bronze, gold on its own format's silver, report on every gold", () => {
    const plan = Object.fromEntries(planPhases(benchConfig({ frameworks: ["iceberg", "parquet"] })).map((p) => [p.name, p]));
    expect(plan.bronze.dependsOn).toEqual([]);
    expect(plan.silver_iceberg.dependsOn).toEqual(["bronze"]);
    expect(plan.silver_parquet.dependsOn).toEqual(["bronze"]);
    expect(plan.gold_iceberg.dependsOn).toEqual(["silver_iceberg"]);
    expect(plan.gold_parquet.dependsOn).toEqual(["silver_parquet"]);
    expect(plan.report.dependsOn).toEqual(["gold_iceberg", "gold_parquet"]);
  });

  it("lets the report run with whatever gold phases completed, while the others need all dependencies", () => {
    const plan = planPhases(benchConfig({ frameworks: ["iceberg", "delta"] }));
    expect(plan.filter((p) => !p.needsAllDependencies).map((p) => p.name)).toEqual(["report"]);
  });

  it("tags each phase with its kind and format", () => {
    const plan = planPhases(benchConfig({ frameworks: ["delta"] }));
    expect(plan.map((p) => [p.name, p.kind, p.framework])).toEqual([
      ["bronze", "bronze", undefined],
      ["silver_delta", "silver", "delta"],
      ["gold_delta", "gold", "delta"],
      ["report", "report", undefined],
    ]);
  });

  it("gives each format's silver phase settings that differ with the format options", () => {
    const config = benchConfig({ frameworks: ["iceberg", "delta"] });
    const plan = Object.fromEntries(planPhases(config).map((p) => [p.name, p]));
    const v2 = plan.silver_iceberg.settings(config);
    const v1 = plan.silver_iceberg.settings({ ...config, iceberg: { formatVersion: "1" } });
    expect(v1).not.toEqual(v2);
    // Iceberg's format version does not change Delta's output.
    expect(plan.silver_delta.settings({ ...config, iceberg: { formatVersion: "1" } })).toEqual(plan.silver_delta.settings(config));
  });

  it("gives bronze settings that depend on the scale factor only", () => {
    const config = benchConfig();
    const bronze = planPhases(config)[0];
    expect(bronze.settings({ ...config, queries: [5], frameworks: ["hudi"] })).toEqual(bronze.settings(config));
    expect(bronze.settings({ ...config, scaleFactor: 10 })).not.toEqual(bronze.settings(config));
  });
});

describe("selectPhases", () => {
  it('"gold" pulls in silver and bronze for the configured formats, in order bronze, silver_*, gold_*', () => {
    expect(names(["gold"], ["iceberg", "delta"])).toEqual(["bronze", "silver_iceberg", "silver_delta", "gold_iceberg", "gold_delta"]);
  });

  it('"gold" does not include the report', () => {
    expect(names(["gold"])).not.toContain("report");
  });

  it('"report" pulls in every phase, ending with report', () => {
    const all = ["bronze", "silver_iceberg", "silver_delta", "silver_hudi", "silver_parquet", "gold_iceberg", "gold_delta", "gold_hudi", "gold_parquet", "report"];
    expect(names(["report"])).toEqual(all);
  });

  it('"silver" pulls in bronze only, and no gold', () => {
    expect(names(["silver"], ["hudi", "parquet"])).toEqual(["bronze", "silver_hudi", "silver_parquet"]);
  });

  it('"bronze" selects bronze alone', () => {
    expect(names(["bronze"])).toEqual(["bronze"]);
  });

  it("keeps plan order whatever the order of the targets", () => {
    expect(names(["report", "bronze", "gold"], ["delta"])).toEqual(["bronze", "silver_delta", "gold_delta", "report"]);
  });

  it("selects nothing for no targets", () => {
    expect(names([])).toEqual([]);
  });

  it("returns the plan's own phase definitions, not copies", () => {
    const plan = planPhases(benchConfig({ frameworks: ["iceberg"] }));
    const selected = selectPhases(plan, ["gold"]);
    for (const phase of selected) expect(plan).toContain(phase);
  });
});
