/** The phases a workload becomes on the configured targets (format variants on Spark). */
import { describe, expect, it } from "vitest";
import { planPhases } from "../../../src/core/pipeline/plan";
import { loadWorkload, workloadSchema, type Workload } from "../../../src/core/workloads";
import { benchConfig } from "../helpers/fixtures";
import { fakeEngineSession, fakeSessions } from "./fakeEngineSession";

const variants = benchConfig({ formats: ["iceberg", "iceberg-mor", "hudi-mor"] });

describe("planPhases for FRAMEWORKS=iceberg,iceberg-mor,hudi-mor", () => {
  const plan = planPhases(variants, loadWorkload("tpch-read"), fakeSessions());
  const byName = Object.fromEntries(plan.map((p) => [p.name, p]));

  it("plans bronze, a load and a query set per variant, then the report", () => {
    expect(plan.map((p) => p.name)).toEqual([
      "bronze",
      "load@spark.iceberg",
      "load@spark.iceberg-mor",
      "load@spark.hudi-mor",
      "queries@spark.iceberg",
      "queries@spark.iceberg-mor",
      "queries@spark.hudi-mor",
      "report",
    ]);
  });

  it("makes each load depend on bronze, each query set on its own variant's load, the report on every query set", () => {
    expect(Object.fromEntries(plan.map((p) => [p.name, p.dependsOn]))).toEqual({
      bronze: [],
      "load@spark.iceberg": ["bronze"],
      "load@spark.iceberg-mor": ["bronze"],
      "load@spark.hudi-mor": ["bronze"],
      "queries@spark.iceberg": ["load@spark.iceberg"],
      "queries@spark.iceberg-mor": ["load@spark.iceberg-mor"],
      "queries@spark.hudi-mor": ["load@spark.hudi-mor"],
      report: ["queries@spark.iceberg", "queries@spark.iceberg-mor", "queries@spark.hudi-mor"],
    });
  });

  it("fills the layers: loads are silver, query sets gold", () => {
    expect(plan.map((p) => p.kind)).toEqual(["bronze", "silver", "silver", "silver", "gold", "gold", "gold", "report"]);
  });

  it("gives copy-on-write and merge-on-read Iceberg load settings that differ, so each is up to date on its own", () => {
    expect(byName["load@spark.iceberg"].settings(variants)).not.toEqual(byName["load@spark.iceberg-mor"].settings(variants));
    expect(byName["load@spark.iceberg-mor"].settings(variants)).toMatchObject({ format: "iceberg-mor", options: { format_version: "2" } });
    expect(byName["load@spark.hudi-mor"].settings(variants)).toMatchObject({ format: "hudi-mor", options: {} });
  });

  it("puts the engine's measurement settings into each load's and query set's settings", () => {
    const settings = { master: "spark://h:7077", shufflePartitions: 8 };
    const planned = planPhases(variants, loadWorkload("tpch-read"), fakeSessions(settings));
    for (const phase of planned.filter((p) => p.target)) expect(phase.settings(variants)).toMatchObject({ engine: settings });
  });

  it("refuses to plan a target whose engine was not opened", () => {
    expect(() => planPhases(variants, loadWorkload("tpch-read"), {})).toThrow(/no spark engine was opened for spark\.iceberg/);
  });
});

describe("planPhases from the workload's steps", () => {
  /** A workload that changes the tables after they were loaded, then queries them. */
  const changing: Workload = workloadSchema.parse({
    id: "change-then-read",
    title: "t",
    description: "d",
    steps: [
      { id: "load", kind: "load", reads: ["bronze"], changes: ["tables"] },
      { id: "reload", kind: "load", reads: ["bronze"], changes: ["tables"] },
      { id: "queries", kind: "query-set", reads: ["tables"], changes: [] },
    ],
  });

  it("makes a step depend on the last earlier step of its target that changed what it reads", () => {
    const plan = planPhases(benchConfig({ formats: ["delta-dv"] }), changing, { spark: fakeEngineSession() });
    expect(Object.fromEntries(plan.map((p) => [p.name, p.dependsOn]))).toEqual({
      bronze: [],
      "load@spark.delta-dv": ["bronze"],
      "reload@spark.delta-dv": ["bronze"],
      "queries@spark.delta-dv": ["reload@spark.delta-dv"],
      report: ["queries@spark.delta-dv"],
    });
  });

  it("lists the workload in the report's settings, so another workload makes another report", () => {
    const config = benchConfig({ formats: ["parquet"] });
    const report = (workload: Workload) => planPhases(config, workload, fakeSessions()).at(-1)!;
    expect(report(changing).settings(config)).not.toEqual(report(loadWorkload("tpch-read")).settings(config));
  });
});

describe("planPhases for WORKLOAD=tpch-qphh", () => {
  const config = benchConfig({ formats: ["delta", "parquet"], workload: "tpch-qphh", throughputStreams: 3 });
  const plan = planPhases(config, loadWorkload("tpch-qphh"), fakeSessions());
  const byName = Object.fromEntries(plan.map((p) => [p.name, p]));

  it("generates the refresh sets once after bronze, then loads, query sets and a power + throughput test per target", () => {
    expect(plan.map((p) => p.name)).toEqual([
      "bronze",
      "refresh-data",
      "load@spark.delta",
      "load@spark.parquet",
      "queries@spark.delta",
      "queries@spark.parquet",
      "qphh@spark.delta",
      "qphh@spark.parquet",
      "report",
    ]);
  });

  it("makes the test depend on its own target's load and on the refresh sets; the report on both kinds of gold phase", () => {
    expect(byName["refresh-data"].dependsOn).toEqual(["bronze"]);
    expect(byName["qphh@spark.delta"].dependsOn).toEqual(["load@spark.delta", "refresh-data"]);
    expect(byName.report.dependsOn).toEqual(["queries@spark.delta", "queries@spark.parquet", "qphh@spark.delta", "qphh@spark.parquet"]);
    expect(byName["qphh@spark.delta"]).toMatchObject({ kind: "gold", stepKind: "refresh-test" });
    expect(byName["refresh-data"].kind).toBe("bronze");
  });

  it("generates one refresh set per query stream plus the power test's, and more when the stream count grows", () => {
    expect(byName["refresh-data"].settings(config)).toEqual({ scaleFactor: 0.01, sets: 4 });
    expect(byName["refresh-data"].settings({ ...config, throughputStreams: 5 })).toEqual({ scaleFactor: 0.01, sets: 6 });
  });

  it("plans no refresh data for tpch-read", () => {
    expect(planPhases(config, loadWorkload("tpch-read"), fakeSessions()).map((p) => p.name)).not.toContain("refresh-data");
  });
});

describe("planPhases for WORKLOAD=lifecycle", () => {
  const config = benchConfig({ formats: ["iceberg-mor", "parquet"], workload: "lifecycle", lifecycleRounds: 5, throughputStreams: 2 });
  const plan = planPhases(config, loadWorkload("lifecycle"), fakeSessions());
  const byName = Object.fromEntries(plan.map((p) => [p.name, p]));

  it("plans the refresh sets, loads, query sets, then a lifecycle phase per target before the report", () => {
    expect(plan.map((p) => p.name)).toEqual([
      "bronze",
      "refresh-data",
      "load@spark.iceberg-mor",
      "load@spark.parquet",
      "queries@spark.iceberg-mor",
      "queries@spark.parquet",
      "lifecycle@spark.iceberg-mor",
      "lifecycle@spark.parquet",
      "report",
    ]);
    expect(byName["lifecycle@spark.parquet"]).toMatchObject({ kind: "gold", stepKind: "lifecycle", dependsOn: ["load@spark.parquet", "refresh-data"] });
  });

  it("generates one refresh set per round, whatever the stream count, and more when the rounds grow", () => {
    expect(byName["refresh-data"].settings(config)).toEqual({ scaleFactor: 0.01, sets: 5 });
    expect(byName["refresh-data"].settings({ ...config, lifecycleRounds: 8, throughputStreams: 9 })).toEqual({ scaleFactor: 0.01, sets: 8 });
  });

  it("reruns a target's lifecycle when the rounds or the queries change, not when the streams do", () => {
    const phase = byName["lifecycle@spark.iceberg-mor"];
    expect(phase.settings({ ...config, lifecycleRounds: 3 })).not.toEqual(phase.settings(config));
    expect(phase.settings({ ...config, queries: [1, 6] })).not.toEqual(phase.settings(config));
    expect(phase.settings({ ...config, throughputStreams: 7 })).toEqual(phase.settings(config));
  });
});
