import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataLayout, type BenchConfig } from "../../../src/core";
import type { PhaseNode } from "../../../src/extension/tree/phaseTreeModel";
import type { RunNode } from "../../../src/extension/tree/runsTreeModel";
import { CONTEXT_KEYS, ViewsController } from "../../../src/extension/tree/viewsController";
import { benchConfig, tempDirs } from "../helpers/fixtures";
import { completed, run, state } from "./support/state";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

function setup(options: { dotenv?: boolean; trusted?: boolean; config?: BenchConfig | Error } = {}) {
  const workspace = dirs.make();
  if (options.dotenv ?? true) writeFileSync(path.join(workspace, ".env"), "FRAMEWORKS=iceberg,parquet\n");
  const pushed = { phases: [] as PhaseNode[][], runs: [] as RunNode[][] };
  const context = new Map<string, unknown>();
  const problems: string[] = [];
  const config = options.config ?? benchConfig({ formats: ["iceberg", "parquet"], dataDir: path.join(workspace, "data") });
  const views = new ViewsController({
    workspace: () => workspace,
    isTrusted: () => options.trusted ?? true,
    loadConfig: async () => {
      if (config instanceof Error) throw config;
      return config;
    },
    phases: { update: (nodes) => void pushed.phases.push(nodes) },
    runs: { update: (nodes) => void pushed.runs.push(nodes) },
    setContext: (key, value) => void context.set(key, value),
    onProblem: (message) => void problems.push(message),
  });
  const writeState = (value: unknown) => {
    mkdirSync(path.join(workspace, ".lakebench"), { recursive: true });
    writeFileSync(path.join(workspace, ".lakebench", "state.json"), typeof value === "string" ? value : JSON.stringify(value));
  };
  return { views, pushed, context, problems, writeState, workspace };
}

describe("the views controller", () => {
  it("shows the phases of the configured formats and the run history from the state file", async () => {
    const t = setup();
    t.writeState(state({ bronze: completed({ rows: 5 }) }, [run()]));
    await t.views.refresh();
    const phases = t.pushed.phases.at(-1)!;
    expect(phases.find((n) => n.id === "silver")!.children!.map((c) => c.id)).toEqual(["load@spark.iceberg", "load@spark.parquet"]);
    expect(phases[0].status).toBe("completed");
    expect(t.pushed.runs.at(-1)!.map((r) => r.id)).toEqual(["lb-20260101-100000-aaaa"]);
    expect(t.context.get(CONTEXT_KEYS.configured)).toBe(true);
    expect(t.context.get(CONTEXT_KEYS.hasRuns)).toBe(true);
  });

  it("shows empty views (their welcome) without a configuration, and in an untrusted workspace", async () => {
    const bare = setup({ dotenv: false });
    await bare.views.refresh();
    expect(bare.pushed.phases.at(-1)).toEqual([]);
    expect(bare.context.get(CONTEXT_KEYS.configured)).toBe(false);

    const untrusted = setup({ trusted: false });
    untrusted.writeState(state({}, [run()]));
    await untrusted.views.refresh();
    expect(untrusted.pushed.phases.at(-1)).toEqual([]);
    expect(untrusted.pushed.runs.at(-1)).toEqual([]);
  });

  it("falls back to the formats the state file knows when the configuration is invalid", async () => {
    const t = setup({ config: new Error("Invalid configuration") });
    t.writeState(state({ "load@spark.hudi-mor": completed() }));
    await t.views.refresh();
    expect(t.pushed.phases.at(-1)!.find((n) => n.id === "gold")!.children!.map((c) => c.id)).toEqual(["queries@spark.hudi-mor"]);
  });

  it("shows a version 1 state file under the target ids it migrates to, without writing it", async () => {
    const t = setup();
    const v1 = { version: 1, phases: { silver_iceberg: completed({ rows: 7 }), gold_iceberg: completed({ passed: 22, queries: 22 }) }, runs: [] };
    t.writeState(v1);
    await t.views.refresh();
    const phases = t.pushed.phases.at(-1)!;
    expect(phases.find((n) => n.id === "silver")!.children![0]).toMatchObject({ id: "load@spark.iceberg", status: "completed", description: "12.5 s · 7 rows" });
    expect(phases.find((n) => n.id === "gold")!.children![0]).toMatchObject({ id: "queries@spark.iceberg", description: "12.5 s · 22/22 passed" });
    expect(JSON.parse(readFileSync(path.join(t.workspace, ".lakebench", "state.json"), "utf8"))).toEqual(v1);
  });

  it("shows the landed main's version 1 state file with every phase and figure under its target", async () => {
    const t = setup();
    t.writeState(readFileSync(path.resolve(__dirname, "../../fixtures/v1/state.json"), "utf8"));
    await t.views.refresh();
    const leaves = t.pushed.phases.at(-1)!.flatMap((n) => n.children ?? [n]);
    // Each description is "<duration> · <figure>": the figure is what the phase's result says.
    expect(leaves.map((n) => [n.id, n.status, n.description.split(" · ").at(-1)])).toEqual([
      ["bronze", "completed", "86,805 rows"],
      ["load@spark.iceberg", "completed", "86,805 rows, 2.9 MiB"],
      ["load@spark.parquet", "completed", "86,805 rows, 2.9 MiB"],
      ["queries@spark.iceberg", "completed", "2/2 passed"],
      ["queries@spark.parquet", "completed", "2/2 passed"],
      ["report", "completed", "no problems"],
    ]);
    expect(t.pushed.runs.at(-1)!.map((r) => r.description)).toEqual(["SF 0.01 · iceberg, parquet · 4/4 passed"]);
  });

  it("points each completed phase at its figures where core's layout and the results put them", async () => {
    const t = setup();
    const data = path.join(t.workspace, "data");
    const layout = new DataLayout({ dataDir: data, scaleFactor: 0.01 }, t.workspace);
    const metrics = path.join(layout.metricsDir("lb-20260101-100000-aaaa"), "spark.iceberg.json");
    const summary = layout.summaryFile("lb-20260101-100000-aaaa");
    for (const file of [layout.bronzeManifest, layout.silverLoadResult("iceberg"), metrics, summary]) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, "{}");
    }
    t.writeState(
      state({
        bronze: completed({ rows: 5 }),
        "load@spark.iceberg": completed({ rows: 5 }),
        "load@spark.parquet": completed({ rows: 5 }), // its load result is not on disk
        "queries@spark.iceberg": completed({ metricsFile: metrics }),
        report: completed({ summary }),
      }),
    );
    await t.views.refresh();
    const leaves = t.pushed.phases.at(-1)!.flatMap((n) => n.children ?? [n]);
    const metricsOf = (id: string) => leaves.find((n) => n.id === id)!.metricsFile;
    expect(["bronze", "load@spark.iceberg", "load@spark.parquet", "queries@spark.iceberg", "report"].map(metricsOf)).toEqual([
      layout.bronzeManifest,
      layout.silverLoadResult("iceberg"),
      undefined,
      metrics,
      summary,
    ]);
  });

  it("shows the tpch-qphh workload's refresh-data and qphh phases, pointing each at its figures", async () => {
    const workspace = dirs.make();
    const config = benchConfig({ formats: ["iceberg"], workload: "tpch-qphh", dataDir: path.join(workspace, "data") });
    const t = setup({ config });
    const layout = new DataLayout(config, t.workspace);
    const metrics = path.join(layout.metricsDir("lb-20260101-100000-aaaa"), "spark.iceberg.qphh.json");
    for (const file of [layout.refreshManifest, metrics]) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, "{}");
    }
    t.writeState(state({ "refresh-data": completed({ sets: 3, rows: 90 }), "qphh@spark.iceberg": completed({ metricsFile: metrics }) }));
    await t.views.refresh();
    const phases = t.pushed.phases.at(-1)!;
    const bronze = phases.find((n) => n.phaseName === "bronze")!;
    expect(bronze.children!.map((c) => [c.id, c.status, c.metricsFile])).toEqual([["refresh-data", "completed", layout.refreshManifest]]);
    const gold = phases.find((n) => n.id === "gold")!.children!;
    expect(gold.map((c) => [c.id, c.metricsFile])).toEqual([["queries@spark.iceberg", undefined], ["qphh@spark.iceberg", metrics]]);
  });

  it("shows no refresh-data phase for the tpch-read workload", async () => {
    const t = setup();
    t.writeState(state({}));
    await t.views.refresh();
    expect(t.pushed.phases.at(-1)!.find((n) => n.id === "bronze")!.children).toBeUndefined();
  });

  it("folds this window's progress lines into the running phase without reading the file again", async () => {
    const t = setup();
    t.writeState(state({ "queries@spark.iceberg": { status: "running", pid: process.pid } }));
    await t.views.refresh();
    t.views.onProgress({ type: "message", phase: "queries@spark.iceberg", message: "queries@spark.iceberg: q07 0.300 s median of 1" });
    const gold = t.pushed.phases.at(-1)!.find((n) => n.id === "gold")!.children![0];
    expect(gold.description).toBe("q07 0.300 s median of 1");
  });

  it("tells about a corrupt state file once, without touching it", async () => {
    const t = setup();
    t.writeState("{ not json");
    await t.views.refresh();
    await t.views.refresh();
    expect(t.problems).toHaveLength(1);
    expect(t.problems[0]).toMatch(/not JSON/);
  });

  it("coalesces a burst of refreshes into few reads", async () => {
    const t = setup();
    t.writeState(state({}));
    await Promise.all(Array.from({ length: 20 }, () => t.views.refresh()));
    expect(t.pushed.phases.length).toBeLessThanOrEqual(2);
  });
});
