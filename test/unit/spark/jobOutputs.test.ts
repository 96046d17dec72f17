/** The Spark jobs' JSON results as the silver and gold phases read them, and the run-count arguments. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PhaseFailedError } from "../../../src/core/pipeline/errors";
import { answerFileSchema, rawGoldOutputSchema } from "../../../src/core/spark/goldJobOutput";
import { buildMetrics, iterationArgs } from "../../../src/core/spark/goldPhase";
import { readJobOutput } from "../../../src/core/spark/jobOutput";
import { silverLoadResultSchema, summarizeLoad } from "../../../src/core/spark/silverPhase";
import { benchConfig, tempDirs } from "../helpers/fixtures";

const temp = tempDirs();
afterEach(() => temp.cleanup());

function jsonFile(value: unknown): string {
  const file = path.join(temp.make(), "out.json");
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

const table = (seconds: number, rows: number) => ({ seconds, rows, data_files: 1, data_bytes: 10 * rows, metadata_bytes: 5 });
const load = { framework: "delta", spark_version: "3.5.9", codec: "snappy", options: {}, tables: { region: table(0.4, 5), orders: table(1.5, 150) } };

describe("silver load.json", () => {
  it("reports the warm-up apart: not in any table and not in the summed seconds", async () => {
    const parsed = await readJobOutput("silver_delta", jsonFile({ ...load, warmup_seconds: 6.5 }), silverLoadResultSchema);
    const summary = summarizeLoad(parsed);
    expect(summary.warmupSeconds).toBe(6.5);
    expect(summary.seconds).toBeCloseTo(1.9);
    expect(Object.keys(summary.tables as object)).toEqual(["region", "orders"]);
  });

  it("reads a file of a run before the warm-up existed, without a warmupSeconds", async () => {
    const summary = summarizeLoad(await readJobOutput("silver_delta", jsonFile(load), silverLoadResultSchema));
    expect(summary).not.toHaveProperty("warmupSeconds");
    expect(summary.rows).toBe(155);
  });

  it("fails the phase naming the field when a table figure is not a number", async () => {
    const broken = { ...load, tables: { region: { ...table(0.4, 5), rows: "5" } } };
    const reading = readJobOutput("silver_delta", jsonFile(broken), silverLoadResultSchema);
    await expect(reading).rejects.toBeInstanceOf(PhaseFailedError);
    await expect(reading).rejects.toThrow(/tables\.region\.rows/);
  });

  it("fails the phase when the file is not JSON", async () => {
    await expect(readJobOutput("silver_delta", jsonFile("{torn"), silverLoadResultSchema)).rejects.toThrow(/is not JSON/);
  });
});

const answers = { engine: "spark-delta", queries: { q01: { columns: ["a"], rows: [[1.5]], hash: "h1" } } };
const oracle = { file: "/o.json", answers: { engine: "duckdb-1.4.3", queries: { q01: { columns: ["a"], rows: [[1.5]], hash: "h1" } } } };
const query = { status: "completed", warmup_seconds: [0.5], seconds: [0.3, 0.2, 0.4], rows: 1, hash: "h1" };

async function metricsOf(raw: unknown) {
  const parsed = await readJobOutput("gold_delta", jsonFile(raw), rawGoldOutputSchema);
  const answerFile = await readJobOutput("gold_delta", jsonFile(answers), answerFileSchema);
  return buildMetrics({ benchmarkId: "lb-20260101-000000-abcd", config: benchConfig() }, "delta", parsed, answerFile, oracle);
}

describe("gold raw.json", () => {
  it("carries each run's planning seconds, the stop reason and the iteration mode into the metrics", async () => {
    const metrics = await metricsOf({
      framework: "delta", spark_version: "3.5.9", queries_hash: "qh", iteration_mode: "auto", max_iterations: 20, target_relative_half_width: 0.1,
      queries: { q01: { ...query, planning_seconds: [0.1, 0.05, 0.2], stopped_by: "width" } },
    });
    expect(metrics.iterationMode).toBe("auto");
    expect(metrics).toMatchObject({ maxIterations: 20, targetRelativeHalfWidth: 0.1 });
    expect(metrics.queries.q01).toMatchObject({ planningSeconds: [0.1, 0.05, 0.2], stoppedBy: "width", seconds: [0.3, 0.2, 0.4] });
    expect(metrics.queries.q01.answer).toEqual({ status: "match" });
  });

  it("reads a file of an older run: fixed mode, no planning seconds, no stop reason", async () => {
    const metrics = await metricsOf({ framework: "delta", spark_version: "3.5.9", queries_hash: "qh", queries: { q01: query } });
    expect(metrics.iterationMode).toBe("fixed");
    expect(metrics).not.toHaveProperty("maxIterations");
    expect(metrics.queries.q01.planningSeconds).toEqual([]);
    expect(metrics.queries.q01.stoppedBy).toBeUndefined();
    expect(metrics.totals.sumOfMedians).toBeCloseTo(0.3);
  });

  it("carries the engine settings the job recorded into the metrics, and reads a file without them", async () => {
    const common = [{ setting: "spark.serializer", value: "org.apache.spark.serializer.KryoSerializer", applied: true, why: "one serializer" }];
    const format = [{ setting: "spark.databricks.delta.stalenessLimit", value: "1h", applied: false, why: "measured no gain" }];
    const base = { framework: "delta", spark_version: "3.5.9", queries_hash: "qh", queries: { q01: query } };
    expect((await metricsOf({ ...base, common_settings: common, format_settings: format })).settings).toEqual({ common, format });
    expect(await metricsOf(base)).not.toHaveProperty("settings");
  });

  it("refuses an engine setting without its reason", async () => {
    const raw = { framework: "delta", spark_version: "3.5.9", queries_hash: "qh", queries: { q01: query }, format_settings: [{ setting: "a", value: "b", applied: true }] };
    await expect(readJobOutput("gold_delta", jsonFile(raw), rawGoldOutputSchema)).rejects.toThrow(/format_settings\.0\.why/);
  });

  it("refuses planning seconds that are not one per timed run", async () => {
    const raw = { framework: "delta", spark_version: "3.5.9", queries_hash: "qh", queries: { q01: { ...query, planning_seconds: [0.1] } } };
    await expect(readJobOutput("gold_delta", jsonFile(raw), rawGoldOutputSchema)).rejects.toThrow(/queries\.q01\.planning_seconds: planning_seconds must have one entry per timed run/);
  });

  it("refuses an unknown stop reason", async () => {
    const raw = { framework: "delta", spark_version: "3.5.9", queries_hash: "qh", queries: { q01: { ...query, stopped_by: "tired" } } };
    await expect(readJobOutput("gold_delta", jsonFile(raw), rawGoldOutputSchema)).rejects.toThrow(/queries\.q01\.stopped_by/);
  });
});

describe("iterationArgs", () => {
  it("passes a fixed count as --iterations alone", () => {
    expect(iterationArgs(benchConfig({ iterations: 5 }))).toEqual(["--iterations", "5"]);
  });

  it("passes QUERY_ITERATIONS=auto as the minimum, the mode, the cap and the target width", () => {
    const config = benchConfig({ iterations: 3, autoIterations: { maxIterations: 20, targetRelativeHalfWidth: 0.1 } });
    expect(iterationArgs(config)).toEqual(["--iterations", "3", "--iteration-mode", "auto", "--max-iterations", "20", "--target-relative-half-width", "0.1"]);
  });
});
