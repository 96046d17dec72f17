import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { BenchConfig } from "../../../src/core/config/benchConfig";
import type { RawConfig } from "../../../src/core/config/keys";
import { ToolchainMissingError } from "../../../src/core/environment/toolchain";
import { hashOf } from "../../../src/core/phase/hashing";
import { DataLayout } from "../../../src/core/phase/layout";
import { target } from "../../../src/core/phase/targets";
import type { PhaseKind } from "../../../src/core/phases/definition";
import { targetLabel } from "../../../src/core/report/targetLabels";
import type { ProgressEvent } from "../../../src/core/pipeline/progress";
import { runPipeline, type PipelineOutcome } from "../../../src/core/pipeline/runPipeline";
import type { StateFile } from "../../../src/core/state/schema";
import { readState, stateFilePath } from "../../../src/core/state/store";
import { until } from "../helpers/async";
import { benchConfig, tempDirs } from "../helpers/fixtures";
import { isRunning } from "../helpers/processes";
import { installFakeToolchain, type FakeToolchain } from "./fakeToolchain";

const temp = tempDirs();
afterEach(() => temp.cleanup());

interface Bench {
  ws: string;
  config: BenchConfig;
  fake: FakeToolchain;
  layout: DataLayout;
  run(options?: {
    targets?: PhaseKind[];
    force?: boolean;
    config?: Partial<BenchConfig>;
    rawConfig?: RawConfig;
    signal?: AbortSignal;
    onProgress?: (e: ProgressEvent) => void;
  }): Promise<{ outcome: PipelineOutcome; events: ProgressEvent[] }>;
  state(): Promise<StateFile>;
}

function bench(formats: BenchConfig["formats"] = ["iceberg", "delta"], ws = temp.make("lakebench-pipeline-")): Bench {
  const fake = installFakeToolchain(path.join(ws, "cache"));
  const config = benchConfig({ formats, dataDir: path.join(ws, "data"), cacheDir: fake.cacheDir, queries: [1, 2, 3] });
  return {
    ws,
    config,
    fake,
    layout: new DataLayout(config, ws),
    async run(options = {}) {
      const events: ProgressEvent[] = [];
      const outcome = await runPipeline({
        workspace: ws,
        config: { ...config, ...options.config },
        rawConfig: options.rawConfig ?? { TPCH_SCALE_FACTOR: "0.01" },
        command: "run",
        targets: options.targets ?? ["report"],
        force: options.force ?? false,
        signal: options.signal ?? new AbortController().signal,
        onProgress: (e) => {
          events.push(e);
          options.onProgress?.(e);
        },
      });
      return { outcome, events };
    },
    state: () => readState(stateFilePath(ws)),
  };
}

const ALL = ["bronze", "load@spark.iceberg", "load@spark.delta", "queries@spark.iceberg", "queries@spark.delta", "report"];

// Each test starts a few dozen short processes: allow for a busy machine.
const SLOW = { timeout: 30_000 };

describe("runPipeline: a first run on a fresh workspace (fake toolchain, no Spark)", SLOW, () => {
  // One run shared by the read-only checks below; the workspace is removed after them.
  const first = tempDirs();
  let b: Bench;
  let outcome: PipelineOutcome;
  let events: ProgressEvent[];
  let state: StateFile;
  const SECRET = "0123456789abcdef0123456789abcdef";
  beforeAll(async () => {
    b = bench(["iceberg", "delta"], first.make("lakebench-pipeline-"));
    b.fake.setControl({ slowSilverMs: 150 });
    ({ outcome, events } = await b.run({ rawConfig: { TPCH_SCALE_FACTOR: "0.01", SPARK_AUTH_SECRET: SECRET } }));
    state = await b.state();
  }, SLOW.timeout);
  afterAll(() => first.cleanup());

  it("runs every phase in order and completes the run with a report", () => {
    expect(outcome.status).toBe("completed");
    expect(outcome.failures).toEqual([]);
    expect(outcome.phases).toEqual(Object.fromEntries(ALL.map((p) => [p, "executed"])));
    expect(events.filter((e) => e.type === "phase-start").map((e) => e.phase)).toEqual(ALL);
    expect(events.filter((e) => e.type === "phase-end").map((e) => e.phase)).toEqual(ALL);
    expect(outcome.reportDir).toBe(b.layout.reportDir(outcome.benchmarkId));
    for (const file of ["report.html", "report.md", "query-times.svg", "load-times.svg", "storage.svg"]) {
      expect(existsSync(path.join(outcome.reportDir!, file)), file).toBe(true);
    }
  });

  it("records every phase as completed with its config hash, result and log file", () => {
    for (const name of ALL) {
      const phase = state.phases[name];
      expect(phase.status, name).toBe("completed");
      expect(phase.configHash).toMatch(/^[0-9a-f]{16}$/);
      expect(phase.benchmarkId).toBe(outcome.benchmarkId);
      expect(phase.pid).toBeUndefined();
      expect(phase.childPid).toBeUndefined();
      expect(existsSync(phase.logFile!)).toBe(name === "report" ? false : true);
    }
    expect(state.phases["queries@spark.iceberg"].result).toMatchObject({ passed: 3, queries: 3, failed: [], mismatched: [] });
    expect(state.phases["load@spark.delta"].result).toMatchObject({ rows: 630, dataFiles: 3 });
  });

  it("records the run with its config, versions, machine, phase outcomes and summary", () => {
    const [run] = state.runs;
    expect(run).toMatchObject({
      benchmarkId: outcome.benchmarkId,
      command: "run",
      status: "completed",
      phases: outcome.phases,
      reportDir: outcome.reportDir,
      summary: { scaleFactor: 0.01, formats: ["iceberg", "delta"], targets: ["spark.iceberg", "spark.delta"], failures: [] },
    });
    expect(run.summary?.gold).toMatchObject({ "spark.iceberg": { passed: 3, queries: 3 }, "spark.delta": { passed: 3, queries: 3 } });
    expect(run.versions).toMatchObject({ "tpchgen-cli": "tpchgen-cli 9.9.9", pyspark: "3.5.9" });
    expect(run.finishedAt).toBeDefined();
  });

  it("stores the run's configuration with the Spark secret hidden", () => {
    expect(state.runs[0].config).toEqual({ TPCH_SCALE_FACTOR: "0.01", SPARK_AUTH_SECRET: "<hidden, 32 characters>" });
    expect(readFileSync(stateFilePath(b.ws), "utf8")).not.toContain(SECRET);
  });

  it("by default (FRAMEWORK_PARALLELISM=1) converts one format after the other and does not flag the timings", () => {
    const { iceberg, delta } = b.fake.timeline();
    expect(iceberg.end).toBeLessThanOrEqual(delta.start);
    expect(state.phases["load@spark.iceberg"].result?.concurrent).toBe(false);
    expect(readFileSync(path.join(outcome.reportDir!, "report.md"), "utf8")).not.toMatch(/concurrently/);
  });

  it("forwards the jobs' progress events as messages", () => {
    const messages = events.flatMap((e) => (e.type === "message" ? [e.message] : []));
    expect(messages).toContain("load@spark.iceberg: lineitem 600 rows in 0.50 s");
    expect(messages).toContain("queries@spark.delta: q02 0.400 s median of 3");
  });
});

describe("runPipeline: later runs, failures and cancellation (fake toolchain, no Spark)", SLOW, () => {
  it("skips every phase on a second run with nothing changed, running no tool", async () => {
    const b = bench();
    await b.run();
    const callsBefore = b.fake.calls().filter((c) => !c.includes("--version")).length;
    const { outcome } = await b.run();
    expect(outcome.status).toBe("completed");
    expect(outcome.phases).toEqual(Object.fromEntries(ALL.map((p) => [p, "skipped"])));
    expect(b.fake.calls().filter((c) => !c.includes("--version")).length).toBe(callsBefore);
    expect((await b.state()).runs).toHaveLength(2);
  });

  it("after upgrading a version-1 state: keeps the loads and queries up to date, redoes only the report", async () => {
    const b = bench(["iceberg", "hudi"]);
    await b.run();
    // Write the state as version 1 had it: framework keys, version 1's config hashes (its
    // formula as the landed bff1b00 computed it: other settings, other phase names).
    const v2 = await b.state();
    const spark = { master: b.config.spark.master, driverMemory: b.config.spark.driverMemory, executorMemory: b.config.spark.executorMemory, executorCores: b.config.spark.executorCores, shufflePartitions: b.config.spark.shufflePartitions };
    const input = (name: string, phase: { status: string; finishedAt?: string; configHash?: string }) => [name, phase.status, phase.finishedAt, phase.configHash];
    const v1Options = { iceberg: { format_version: "2" }, hudi: { table_type: "COPY_ON_WRITE" } };
    const phases: Record<string, unknown> = { bronze: v2.phases.bronze, report: v2.phases.report };
    for (const framework of ["iceberg", "hudi"] as const) {
      const load = v2.phases[`load@spark.${framework}`];
      const silver = { ...load, result: { ...load.result, options: v1Options[framework], sparkVersion: load.result!.engineVersion, engineVersion: undefined }, configHash: hashOf({ settings: { framework, codec: "snappy", options: v1Options[framework], spark }, inputs: [input("bronze", v2.phases.bronze)] }) };
      const goldSettings = { queries: b.config.queries, warmupRuns: b.config.warmupRuns, iterations: b.config.iterations, spark };
      phases[`silver_${framework}`] = silver;
      phases[`gold_${framework}`] = { ...v2.phases[`queries@spark.${framework}`], configHash: hashOf({ settings: goldSettings, inputs: [input(`silver_${framework}`, silver)] }) };
    }
    writeFileSync(stateFilePath(b.ws), JSON.stringify({ version: 1, phases, runs: [] }));
    const sparkJobs = () => b.fake.calls().filter((c) => c.includes("silver/convert.py") || c.includes("gold/run_queries.py")).length;
    expect(sparkJobs()).toBe(4);
    const jobsBefore = sparkJobs();
    const { outcome, events } = await b.run();
    expect(events).toContainEqual({ type: "message", phase: "state", message: expect.stringMatching(/^state\.json upgraded from version 1 .*state\.json\.v1-[0-9a-f]{12}$/) });
    expect(outcome.phases).toEqual({
      bronze: "skipped",
      "load@spark.iceberg": "skipped",
      "load@spark.hudi": "skipped",
      "queries@spark.iceberg": "skipped",
      "queries@spark.hudi": "skipped",
      report: "executed",
    });
    expect(sparkJobs()).toBe(jobsBefore); // nothing was loaded or measured again
    expect((await b.state()).version).toBe(2);
    // A changed setting still redoes what it changes.
    const { outcome: later } = await b.run({ config: { queries: [1, 2] } });
    expect(later.phases).toMatchObject({ "load@spark.iceberg": "skipped", "queries@spark.iceberg": "executed", "queries@spark.hudi": "executed" });
  });

  it("re-runs only the gold and report phases when the query set changes", async () => {
    const b = bench(["iceberg"]);
    await b.run();
    const { outcome } = await b.run({ config: { queries: [1, 2] } });
    expect(outcome.phases).toEqual({ bronze: "skipped", "load@spark.iceberg": "skipped", "queries@spark.iceberg": "executed", report: "executed" });
  });

  it("re-runs a format's silver phase and what depends on it when its output was deleted", async () => {
    const b = bench();
    await b.run();
    rmSync(b.layout.silverLoadResult("delta"));
    const { outcome } = await b.run();
    expect(outcome.phases).toEqual({
      bronze: "skipped",
      "load@spark.iceberg": "skipped",
      "load@spark.delta": "executed",
      "queries@spark.iceberg": "skipped",
      "queries@spark.delta": "executed",
      report: "executed",
    });
  });

  it("with force, re-runs the targeted kind but not its up-to-date prerequisites", async () => {
    const b = bench();
    await b.run({ targets: ["silver"] });
    const { outcome } = await b.run({ targets: ["silver"], force: true });
    expect(outcome.phases).toEqual({ bronze: "skipped", "load@spark.iceberg": "executed", "load@spark.delta": "executed" });
  });

  it("runs only the requested phases and their prerequisites", async () => {
    const b = bench();
    const { outcome } = await b.run({ targets: ["bronze"] });
    expect(outcome.phases).toEqual({ bronze: "executed" });
    expect(outcome.reportDir).toBeUndefined();
  });

  it("when one format's silver fails: blocks its gold, still runs the other format and the report, and fails the run", async () => {
    const b = bench();
    b.fake.setControl({ failSilver: ["delta"] });
    const { outcome, events } = await b.run();
    expect(outcome.phases).toEqual({
      bronze: "executed",
      "load@spark.iceberg": "executed",
      "load@spark.delta": "failed",
      "queries@spark.iceberg": "executed",
      "queries@spark.delta": "blocked",
      report: "executed",
    });
    expect(outcome.status).toBe("failed");
    expect(outcome.failures).toHaveLength(1);
    expect(outcome.failures[0]).toMatch(/^load@spark\.delta: spark-submit failed \(exit code 1\)/);
    expect(outcome.failures[0]).toContain("Py4JJavaError: delta exploded");
    const state = await b.state();
    expect(state.phases["load@spark.delta"].status).toBe("failed");
    expect(state.phases["load@spark.delta"].error).toContain("Py4JJavaError");
    expect(state.phases["queries@spark.delta"]).toBeUndefined();
    expect(events).toContainEqual(expect.objectContaining({ type: "phase-end", phase: "queries@spark.delta", outcome: "blocked" }));
    const markdown = readFileSync(path.join(outcome.reportDir!, "report.md"), "utf8");
    expect(markdown).toContain("load@spark.delta is failed");
  });

  it("retries a failed phase on the next run once the cause is fixed", async () => {
    const b = bench();
    b.fake.setControl({ failSilver: ["delta"] });
    await b.run();
    b.fake.setControl({});
    const { outcome } = await b.run();
    expect(outcome.status).toBe("completed");
    expect(outcome.phases["load@spark.delta"]).toBe("executed");
    expect(outcome.phases["queries@spark.delta"]).toBe("executed");
    expect(outcome.phases["load@spark.iceberg"]).toBe("skipped");
  });

  it("fails a gold phase with wrong answers but keeps its metrics and reports them", async () => {
    const b = bench();
    b.fake.setControl({ wrongAnswers: { delta: ["q02"] } });
    const { outcome } = await b.run();
    expect(outcome.phases["queries@spark.delta"]).toBe("failed");
    expect(outcome.phases["queries@spark.iceberg"]).toBe("executed");
    expect(outcome.phases.report).toBe("executed");
    expect(outcome.failures).toHaveLength(1);
    expect(outcome.failures[0]).toMatch(/queries@spark\.delta: wrong answers: q02$/);
    const state = await b.state();
    expect(state.phases["queries@spark.delta"].result).toMatchObject({ passed: 2, mismatched: ["q02"] });
    const metrics = JSON.parse(readFileSync(String(state.phases["queries@spark.delta"].result!.metricsFile), "utf8"));
    expect(metrics.queries.q02.answer).toEqual({ status: "mismatch", detail: "answer: -1, duckdb has 3" });
    const markdown = readFileSync(path.join(outcome.reportDir!, "report.md"), "utf8");
    // The report names a target by its label (was: the framework id, "delta").
    expect(markdown).toMatch(new RegExp(`\\| q02 \\|.*❌ ${targetLabel("spark.delta")}: answer: -1, duckdb has 3`));
  });

  it("names a phase that failed verification only once in the run's failures", async () => {
    const b = bench(["delta"]);
    b.fake.setControl({ wrongAnswers: { delta: ["q02"] } });
    const { outcome } = await b.run({ targets: ["gold"] });
    expect(outcome.failures).toEqual(["queries@spark.delta: wrong answers: q02"]);
  });

  it("fails bronze with the generator's last output and blocks everything after it", async () => {
    const b = bench(["iceberg"]);
    b.fake.setControl({ failBronze: true });
    const { outcome } = await b.run();
    expect(outcome.phases).toEqual({ bronze: "failed", "load@spark.iceberg": "blocked", "queries@spark.iceberg": "blocked", report: "blocked" });
    expect(outcome.failures[0]).toContain("No space left on device");
  });

  it("on cancel: stops the running job, marks the phase and the rest cancelled and removes partial output", async () => {
    const b = bench(["iceberg"]);
    b.fake.setControl({ hangGold: ["iceberg"] });
    const controller = new AbortController();
    let childPid: number | undefined;
    const { outcome } = await b.run({
      signal: controller.signal,
      onProgress: (e) => {
        if (e.type === "phase-start" && e.phase === "queries@spark.iceberg") {
          // Let the job start and record its process group, then cancel.
          const poll = setInterval(async () => {
            const phase = (await b.state()).phases["queries@spark.iceberg"];
            if (phase?.childPid) {
              clearInterval(poll);
              childPid = phase.childPid;
              controller.abort();
            }
          }, 20);
        }
      },
    });
    expect(childPid).toBeGreaterThan(0);
    expect(outcome.status).toBe("cancelled");
    expect(outcome.phases).toEqual({ bronze: "executed", "load@spark.iceberg": "executed", "queries@spark.iceberg": "cancelled", report: "cancelled" });
    expect(outcome.failures).toEqual([]);
    const state = await b.state();
    expect(state.phases["queries@spark.iceberg"]).toMatchObject({ status: "cancelled", error: "Cancelled by the user" });
    expect(state.phases["queries@spark.iceberg"].childPid).toBeUndefined();
    const partial = b.layout.queryFiles(outcome.benchmarkId, target("spark", "iceberg")).raw;
    expect(path.basename(partial)).toBe("spark.iceberg.raw.json");
    expect(existsSync(partial)).toBe(false);
    expect(state.runs[0].status).toBe("cancelled");
    expect(await until(() => !isRunning(childPid!))).toBe(true);
  });

  it("recovers a phase left running by a dead earlier run before it starts", async () => {
    const b = bench(["iceberg"]);
    await b.run();
    const file = stateFilePath(b.ws);
    const state = JSON.parse(readFileSync(file, "utf8")) as StateFile;
    state.phases["load@spark.iceberg"] = { ...state.phases["load@spark.iceberg"], status: "running", pid: 999_999_999 };
    writeFileSync(file, JSON.stringify(state));
    mkdirSync(b.layout.silverTablesDir("iceberg"), { recursive: true });

    const { outcome, events } = await b.run();
    expect(events).toContainEqual({ type: "message", phase: "load@spark.iceberg", message: expect.stringMatching(/interrupted/) });
    expect(outcome.phases["load@spark.iceberg"]).toBe("executed");
    expect(outcome.status).toBe("completed");
  });

  it("with FRAMEWORK_PARALLELISM=2, converts the formats side by side and says the timings were concurrent", async () => {
    const b = bench();
    // Each conversion waits for the other to be running: one after the other, the first would fail.
    b.fake.setControl({ meetSilver: ["iceberg", "delta"] });
    const { outcome } = await b.run({ config: { formatParallelism: 2 } });
    expect(outcome.status, outcome.failures.join("\n")).toBe("completed");
    const { iceberg, delta } = b.fake.timeline();
    expect(iceberg.start).toBeLessThan(delta.end);
    expect(delta.start).toBeLessThan(iceberg.end);
    const state = await b.state();
    expect(state.phases["load@spark.iceberg"].result?.concurrent).toBe(true);
    expect(state.phases["queries@spark.delta"].result?.concurrent).toBe(true);
    expect(readFileSync(path.join(outcome.reportDir!, "report.md"), "utf8")).toMatch(/Timings were taken concurrently/);
  });

  it("does not flag a phase as concurrent when it ran alone, even with FRAMEWORK_PARALLELISM=2", async () => {
    const b = bench();
    await b.run({ config: { formatParallelism: 2 } });
    rmSync(b.layout.silverLoadResult("delta"));
    const { outcome } = await b.run({ config: { formatParallelism: 2 } });
    expect(outcome.phases["load@spark.iceberg"]).toBe("skipped");
    expect(outcome.phases["load@spark.delta"]).toBe("executed");
    expect((await b.state()).phases["load@spark.delta"].result?.concurrent).toBe(false);
  });

  it("with format variants (iceberg, iceberg-mor, hudi-mor): loads and queries each on its own, a failure in one leaves the others", async () => {
    const b = bench(["iceberg", "iceberg-mor", "hudi-mor"]);
    b.fake.setControl({ wrongAnswers: { "hudi-mor": ["q03"] } });
    const { outcome } = await b.run();
    expect(outcome.phases).toEqual({
      bronze: "executed",
      "load@spark.iceberg": "executed",
      "load@spark.iceberg-mor": "executed",
      "load@spark.hudi-mor": "executed",
      "queries@spark.iceberg": "executed",
      "queries@spark.iceberg-mor": "executed",
      "queries@spark.hudi-mor": "failed",
      report: "executed",
    });
    expect(outcome.failures).toEqual(["queries@spark.hudi-mor: wrong answers: q03"]);
    for (const format of ["iceberg", "iceberg-mor", "hudi-mor"] as const) expect(existsSync(b.layout.silverLoadResult(format)), format).toBe(true);
    const calls = b.fake.calls().filter((c) => c.includes("silver/convert.py"));
    expect(calls.map((c) => c.split(" --format ")[1]?.split(" ")[0])).toEqual(["iceberg", "iceberg-mor", "hudi-mor"]);
    expect((await b.state()).runs[0].summary).toMatchObject({ formats: ["iceberg", "iceberg-mor", "hudi-mor"], targets: ["spark.iceberg", "spark.iceberg-mor", "spark.hudi-mor"] });
  });

  it("refuses to start, touching nothing, when the toolchain is not installed", async () => {
    const b = bench(["iceberg"]);
    rmSync(path.join(b.fake.cacheDir, "venv", "bin", "spark-submit"));
    await expect(b.run()).rejects.toBeInstanceOf(ToolchainMissingError);
    expect(existsSync(stateFilePath(b.ws))).toBe(false);
  });
});
