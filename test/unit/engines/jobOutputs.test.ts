/** The engine jobs' JSON results as the load and query phases read them. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readJobOutput } from "../../../src/core/engines/jobOutput";
import { answerFileSchema, loadOutputSchema, queryOutputSchema } from "../../../src/core/engines/outputs";
import { PhaseFailedError } from "../../../src/core/phase/errors";
import { target } from "../../../src/core/phase/targets";
import { summarizeLoad } from "../../../src/core/phases/loadPhase";
import { buildMetrics } from "../../../src/core/phases/queriesPhase";
import { benchConfig, tempDirs } from "../helpers/fixtures";

const temp = tempDirs();
afterEach(() => temp.cleanup());

function jsonFile(value: unknown): string {
  const file = path.join(temp.make(), "out.json");
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

const table = (seconds: number, rows: number) => ({ seconds, rows, data_files: 1, data_bytes: 10 * rows, metadata_bytes: 5 });
const load = { format: "delta", engine_version: "3.5.9", codec: "snappy", options: {}, tables: { region: table(0.4, 5), orders: table(1.5, 150) } };

describe("load.json", () => {
  it("reports the warm-up apart: not in any table and not in the summed seconds", async () => {
    const parsed = await readJobOutput("load@spark.delta", jsonFile({ ...load, warmup_seconds: 6.5 }), loadOutputSchema);
    const summary = summarizeLoad(parsed);
    expect(summary.warmupSeconds).toBe(6.5);
    expect(summary.seconds).toBeCloseTo(1.9);
    expect(Object.keys(summary.tables as object)).toEqual(["region", "orders"]);
  });

  it("reads a file of a run before the warm-up existed, without a warmupSeconds", async () => {
    const summary = summarizeLoad(await readJobOutput("load@spark.delta", jsonFile(load), loadOutputSchema));
    expect(summary).not.toHaveProperty("warmupSeconds");
    expect(summary.rows).toBe(155);
  });

  it("records the engine's version as engineVersion, whatever the engine", async () => {
    const summary = summarizeLoad(await readJobOutput("load@spark.delta", jsonFile(load), loadOutputSchema));
    expect(summary.engineVersion).toBe("3.5.9");
    expect(summary).not.toHaveProperty("sparkVersion");
  });

  it("fails the phase naming the field when the file does not say which format it wrote", async () => {
    const older: Record<string, unknown> = { ...load, framework: "delta" };
    delete older.format;
    await expect(readJobOutput("load@spark.delta", jsonFile(older), loadOutputSchema)).rejects.toThrow(/: format: Required/);
  });

  it("fails the phase naming the field when a table figure is not a number", async () => {
    const broken = { ...load, tables: { region: { ...table(0.4, 5), rows: "5" } } };
    const reading = readJobOutput("load@spark.delta", jsonFile(broken), loadOutputSchema);
    await expect(reading).rejects.toBeInstanceOf(PhaseFailedError);
    await expect(reading).rejects.toThrow(/tables\.region\.rows/);
  });

  it("fails the phase when the file is not JSON", async () => {
    await expect(readJobOutput("load@spark.delta", jsonFile("{torn"), loadOutputSchema)).rejects.toThrow(/is not JSON/);
  });
});

const answers = { engine: "spark-delta", queries: { q01: { columns: ["a"], rows: [[1.5]], hash: "h1" } } };
const oracle = { file: "/o.json", answers: { engine: "duckdb-1.4.3", queries: { q01: { columns: ["a"], rows: [[1.5]], hash: "h1" } } } };
const query = { status: "completed", warmup_seconds: [0.5], seconds: [0.3, 0.2, 0.4], rows: 1, hash: "h1" };

async function metricsOf(raw: unknown) {
  const parsed = await readJobOutput("queries@spark.delta", jsonFile(raw), queryOutputSchema);
  const answerFile = await readJobOutput("queries@spark.delta", jsonFile(answers), answerFileSchema);
  return buildMetrics({ benchmarkId: "lb-20260101-000000-abcd", config: benchConfig() }, target("spark", "delta"), parsed, answerFile, oracle);
}

describe("raw.json", () => {
  it("carries each run's planning seconds, the stop reason and the iteration mode into the metrics", async () => {
    const metrics = await metricsOf({
      format: "delta", engine_version: "3.5.9", queries_hash: "qh", iteration_mode: "auto", max_iterations: 20, target_relative_half_width: 0.1,
      queries: { q01: { ...query, planning_seconds: [0.1, 0.05, 0.2], stopped_by: "width" } },
    });
    expect(metrics.iterationMode).toBe("auto");
    expect(metrics).toMatchObject({ maxIterations: 20, targetRelativeHalfWidth: 0.1 });
    expect(metrics.queries.q01).toMatchObject({ planningSeconds: [0.1, 0.05, 0.2], stoppedBy: "width", seconds: [0.3, 0.2, 0.4] });
    expect(metrics.queries.q01.answer).toEqual({ status: "match" });
  });

  it("keys the metrics by target: its id, engine, format and the engine's version", async () => {
    const metrics = await metricsOf({ format: "delta", engine_version: "3.5.9", queries_hash: "qh", queries: { q01: query } });
    expect(metrics).toMatchObject({ schemaVersion: 2, target: "spark.delta", engine: "spark", format: "delta", engineVersion: "3.5.9", oracle: "duckdb-1.4.3" });
  });

  it("reads a file of an older run: fixed mode, no planning seconds, no stop reason", async () => {
    const metrics = await metricsOf({ format: "delta", engine_version: "3.5.9", queries_hash: "qh", queries: { q01: query } });
    expect(metrics.iterationMode).toBe("fixed");
    expect(metrics).not.toHaveProperty("maxIterations");
    expect(metrics.queries.q01.planningSeconds).toEqual([]);
    expect(metrics.queries.q01.stoppedBy).toBeUndefined();
    expect(metrics.totals.sumOfMedians).toBeCloseTo(0.3);
  });

  it("carries the engine settings the job recorded into the metrics, and reads a file without them", async () => {
    const common = [{ setting: "spark.serializer", value: "org.apache.spark.serializer.KryoSerializer", applied: true, why: "one serializer" }];
    const format = [{ setting: "spark.databricks.delta.stalenessLimit", value: "1h", applied: false, why: "measured no gain" }];
    const base = { format: "delta", engine_version: "3.5.9", queries_hash: "qh", queries: { q01: query } };
    expect((await metricsOf({ ...base, common_settings: common, format_settings: format })).settings).toEqual({ common, format });
    expect(await metricsOf(base)).not.toHaveProperty("settings");
  });

  it("refuses an engine setting without its reason", async () => {
    const raw = { format: "delta", engine_version: "3.5.9", queries_hash: "qh", queries: { q01: query }, format_settings: [{ setting: "a", value: "b", applied: true }] };
    await expect(readJobOutput("queries@spark.delta", jsonFile(raw), queryOutputSchema)).rejects.toThrow(/format_settings\.0\.why/);
  });

  it("refuses planning seconds that are not one per timed run", async () => {
    const raw = { format: "delta", engine_version: "3.5.9", queries_hash: "qh", queries: { q01: { ...query, planning_seconds: [0.1] } } };
    await expect(readJobOutput("queries@spark.delta", jsonFile(raw), queryOutputSchema)).rejects.toThrow(/queries\.q01\.planning_seconds: planning_seconds must have one entry per timed run/);
  });

  it("refuses an unknown stop reason", async () => {
    const raw = { format: "delta", engine_version: "3.5.9", queries_hash: "qh", queries: { q01: { ...query, stopped_by: "tired" } } };
    await expect(readJobOutput("queries@spark.delta", jsonFile(raw), queryOutputSchema)).rejects.toThrow(/queries\.q01\.stopped_by/);
  });
});
