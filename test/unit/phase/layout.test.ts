import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataLayout, reportFilesOf, scaleLabel } from "../../../src/core/phase/layout";
import { target } from "../../../src/core/phase/targets";
import { benchConfig } from "../helpers/fixtures";

const layout = (scaleFactor: number) => new DataLayout(benchConfig({ dataDir: "/data", scaleFactor }), "/ws");

describe("DataLayout", () => {
  it("keeps bronze data per scale factor, with the manifest in _metadata", () => {
    expect(layout(0.01).bronzeDir).toBe("/data/bronze/tpch/sf0.01");
    expect(layout(10).bronzeManifest).toBe("/data/bronze/tpch/sf10/_metadata/manifest.json");
  });

  it("keeps silver tables per format under a namespace that is a valid SQL identifier", () => {
    expect(layout(0.01).namespace).toBe("tpch_sf0_01");
    expect(layout(1).namespace).toBe("tpch_sf1");
    expect(layout(0.01).namespace).toMatch(/^[a-z_][a-z0-9_]*$/);
    expect(layout(0.01).silverTablesDir("iceberg")).toBe("/data/silver/iceberg/tpch_sf0_01");
    expect(layout(0.01).silverLoadResult("delta")).toBe("/data/silver/delta/tpch_sf0_01.load.json");
  });

  it("keeps a different silver data set per scale factor", () => {
    expect(layout(1).silverTablesDir("hudi")).not.toBe(layout(10).silverTablesDir("hudi"));
    expect(layout(1).silverLoadResult("hudi")).not.toBe(layout(10).silverLoadResult("hudi"));
  });

  it("keeps metrics and reports per benchmark id, and oracle answers per scale factor", () => {
    const l = layout(0.01);
    expect(l.metricsDir("lb-1")).toBe("/data/gold/metrics/lb-1");
    expect(l.reportDir("lb-1")).toBe("/data/gold/reports/lb-1");
    expect(l.oracleAnswers("duckdb-abc")).toBe("/data/gold/oracle/sf0.01/duckdb-abc.json");
  });

  it("keeps each format variant's tables apart, however many engines read them", () => {
    expect(layout(0.01).silverTablesDir("iceberg-mor")).toBe("/data/silver/iceberg-mor/tpch_sf0_01");
    expect(layout(0.01).silverTablesDir("iceberg-mor")).not.toBe(layout(0.01).silverTablesDir("iceberg"));
  });

  it("keeps a run's query files per target, beside its summary", () => {
    expect(layout(0.01).queryFiles("lb-1", target("spark", "hudi-mor"))).toEqual({
      raw: "/data/gold/metrics/lb-1/spark.hudi-mor.raw.json",
      answers: "/data/gold/metrics/lb-1/spark.hudi-mor.answers.json",
      metrics: "/data/gold/metrics/lb-1/spark.hudi-mor.json",
    });
    expect(layout(0.01).summaryFile("lb-1")).toBe("/data/gold/metrics/lb-1/summary.json");
  });

  it("finds a report's files from its directory alone", () => {
    expect(reportFilesOf("/old/gold/reports/lb-1")).toEqual({
      html: "/old/gold/reports/lb-1/report.html",
      markdown: "/old/gold/reports/lb-1/report.md",
      summary: "/old/gold/metrics/lb-1/summary.json",
    });
  });

  it("keeps logs in the workspace's .lakebench directory, per run and phase", () => {
    expect(layout(1).logFile("lb-1", "load@spark.iceberg")).toBe(path.join("/ws", ".lakebench", "logs", "lb-1", "load@spark.iceberg.log"));
  });

  it("labels scale factors without trailing zeros", () => {
    expect(scaleLabel(0.1)).toBe("0.1");
    expect(scaleLabel(100)).toBe("100");
  });
});
