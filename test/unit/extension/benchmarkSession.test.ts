import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { target, ToolchainMissingError, type PipelineOutcome, type PipelineRequest } from "../../../src/core";
import { COMMANDS } from "../../../src/extension/commands/commandIds";
import { BenchmarkSession } from "../../../src/extension/run/benchmarkSession";
import { PIPELINE_REQUESTS, phaseRequest } from "../../../src/extension/run/runRequests";
import { until } from "../helpers/async";
import { tempDirs } from "../helpers/fixtures";
import { FakeIndicator, FakeLog, FakeUi } from "./support/fakes";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const outcome = (overrides: Partial<PipelineOutcome> = {}): PipelineOutcome => ({ benchmarkId: "lb-1", status: "completed", phases: {}, failures: [], ...overrides });

function setup(dotenv = "TPCH_SCALE_FACTOR=0.01\nFRAMEWORKS=iceberg\n", settings = {}) {
  const workspace = dirs.make();
  writeFileSync(path.join(workspace, ".env"), dotenv);
  const ui = new FakeUi();
  const log = new FakeLog();
  const indicator = new FakeIndicator();
  const requests: PipelineRequest[] = [];
  let pipeline: (request: PipelineRequest) => Promise<PipelineOutcome> = async () => outcome();
  const running: boolean[] = [];
  const session = new BenchmarkSession({
    ui,
    log,
    indicator,
    workspace: () => workspace,
    configInputs: () => ({ settings, env: {} }),
    pipeline: (request) => {
      requests.push(request);
      return pipeline(request);
    },
    onRunningChange: (r) => running.push(r),
  });
  return { session, ui, log, indicator, requests, running, setPipeline: (p: typeof pipeline) => (pipeline = p) };
}

describe("the run session", () => {
  it("runs core's pipeline with the config from .env and settings, under a progress notification", async () => {
    const t = setup("TPCH_SCALE_FACTOR=0.01\nFRAMEWORKS=iceberg,delta\n", { FRAMEWORKS: "parquet" });
    await t.session.run(PIPELINE_REQUESTS.benchmark);
    expect(t.requests).toHaveLength(1);
    expect(t.requests[0].config.formats).toEqual(["parquet"]); // settings beat .env
    expect(t.requests[0].config.scaleFactor).toBe(0.01);
    expect(t.requests[0].targets).toEqual(["bronze", "silver", "gold", "report"]);
    expect(t.ui.progressTitles).toEqual(["Lakehouse benchmark"]);
    expect(t.running).toEqual([true, false]);
    expect(t.indicator.visible).toBe(false);
    expect(t.ui.messages("info")).toEqual(["Lakehouse benchmark completed (run lb-1)."]);
  });

  it("runs one target's phase with only that target's format, forced when asked", async () => {
    const t = setup("FRAMEWORKS=iceberg,delta-dv\n");
    await t.session.run(phaseRequest({ kind: "silver", phase: "load@spark.delta-dv", target: target("spark", "delta-dv") }, true));
    expect(t.requests[0]).toMatchObject({ targets: ["silver"], force: true, command: "silver" });
    expect(t.requests[0].config.formats).toEqual(["delta-dv"]);
    expect(t.ui.progressTitles).toEqual(["Force rerun load@spark.delta-dv"]);
  });

  it("refuses a second run while one is going, and says which one is running", async () => {
    const t = setup();
    let finish!: () => void;
    t.setPipeline(() => new Promise((resolve) => (finish = () => resolve(outcome()))));
    const first = t.session.run(PIPELINE_REQUESTS.benchmark);
    expect(await until(() => t.requests.length === 1)).toBe(true); // the pipeline has started
    expect(t.session.isRunning).toBe(true);
    await t.session.run(PIPELINE_REQUESTS.gold);
    expect(t.ui.messages("warn")[0]).toMatch(/"Lakehouse benchmark" is still running, so "Run TPC-H queries \(gold\)" was not started/);
    expect(t.requests).toHaveLength(1);
    finish();
    await first;
    expect(t.session.isRunning).toBe(false);
  });

  it("aborts the pipeline's signal when the user cancels the progress notification", async () => {
    const t = setup();
    t.setPipeline(
      (request) =>
        new Promise((resolve) => request.signal.addEventListener("abort", () => resolve(outcome({ status: "cancelled" })))),
    );
    const running = t.session.run(PIPELINE_REQUESTS.benchmark);
    expect(await until(() => t.requests.length === 1)).toBe(true); // the pipeline has started
    t.ui.cancel();
    const result = await running;
    expect(result?.status).toBe("cancelled");
    expect(t.requests[0].signal.aborted).toBe(true);
    expect(t.ui.messages("warn")[0]).toMatch(/was cancelled/);
  });

  it("shows core's message for an invalid .env value, naming the key, with a button to open .env", async () => {
    const t = setup("TPCH_SCALE_FACTOR=abc\n");
    t.ui.answer = "Open .env";
    await t.session.run(PIPELINE_REQUESTS.benchmark);
    expect(t.requests).toHaveLength(0);
    const [error] = t.ui.shown.filter((s) => s.level === "error");
    expect(error.message).toMatch(/^Invalid configuration: TPCH_SCALE_FACTOR="abc" \(from \.env\): a number /);
    expect(error.actions).toEqual(["Open .env", "Open Log"]);
    expect(t.ui.executed).toEqual([{ command: COMMANDS.configOpen, args: [] }]);
    expect(t.session.isRunning).toBe(false);
  });

  it("points at the setting when the bad value comes from VS Code settings", async () => {
    const t = setup("", { QUERY_ITERATIONS: "0" });
    await t.session.run(PIPELINE_REQUESTS.benchmark);
    const [error] = t.ui.shown;
    expect(error.message).toContain('QUERY_ITERATIONS="0" (from the setting lakehouseBench.iterations)');
    expect(error.actions).toContain("Open Settings");
  });

  it("offers to run setup when the toolchain is missing", async () => {
    const t = setup();
    t.setPipeline(async () => {
      throw new ToolchainMissingError("spark-submit (in /x/venv)");
    });
    t.ui.answer = "Run Setup";
    await t.session.run(PIPELINE_REQUESTS.benchmark);
    expect(t.ui.shown[0].message).toMatch(/spark-submit .* is not installed. Run \.\/scripts\/setup\.sh/);
    expect(t.ui.executed).toEqual([{ command: COMMANDS.toolchainSetup, args: [] }]);
  });

  it("says which phase failed and offers its log and the report", async () => {
    const t = setup();
    t.setPipeline(async () => outcome({ status: "failed", failures: ["queries@spark.iceberg: wrong answers: q05"], reportDir: "/d/gold/reports/lb-1" }));
    t.ui.answer = "Open Log";
    await t.session.run(PIPELINE_REQUESTS.benchmark);
    expect(t.ui.shown[0]).toEqual({ level: "error", message: "Lakehouse benchmark failed: queries@spark.iceberg: wrong answers: q05", actions: ["Open Log", "Open Report"] });
    expect(t.ui.executed).toEqual([{ command: COMMANDS.phaseOpenLog, args: ["queries@spark.iceberg"] }]);
  });

  it("streams progress to the log, the notification and the status bar", async () => {
    const t = setup();
    t.setPipeline(async (request) => {
      request.onProgress({ type: "phase-start", phase: "bronze" });
      request.onProgress({ type: "message", phase: "bronze", message: "bronze: generated SF 0.01" });
      request.onProgress({ type: "phase-end", phase: "bronze", outcome: "executed", seconds: 1.5 });
      return outcome();
    });
    await t.session.run(PIPELINE_REQUESTS.benchmark);
    expect(t.log.lines).toEqual(expect.arrayContaining(["info ▶ bronze", "info bronze: generated SF 0.01", "info bronze: executed in 1.5 s"]));
    expect(t.ui.progressMessages).toEqual(["bronze…", "bronze: generated SF 0.01"]);
    expect(t.indicator.texts).toContain("$(loading~spin) Lakehouse: bronze");
  });

  it("runs nothing in an untrusted workspace", async () => {
    const t = setup();
    t.ui.trusted = false;
    await t.session.run(PIPELINE_REQUESTS.benchmark);
    expect(t.requests).toHaveLength(0);
    expect(t.ui.messages("warn")[0]).toMatch(/Restricted Mode/);
  });
});
