import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { BenchConfig } from "../../../src/core/config/benchConfig";
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
  const config = options.config ?? benchConfig({ frameworks: ["iceberg", "parquet"], dataDir: path.join(workspace, "data") });
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
    expect(phases.find((n) => n.id === "silver")!.children!.map((c) => c.id)).toEqual(["silver_iceberg", "silver_parquet"]);
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
    t.writeState(state({ silver_hudi: completed() }));
    await t.views.refresh();
    expect(t.pushed.phases.at(-1)!.find((n) => n.id === "gold")!.children!.map((c) => c.id)).toEqual(["gold_hudi"]);
  });

  it("folds this window's progress lines into the running phase without reading the file again", async () => {
    const t = setup();
    t.writeState(state({ gold_iceberg: { status: "running", pid: process.pid } }));
    await t.views.refresh();
    t.views.onProgress({ type: "message", phase: "gold_iceberg", message: "gold_iceberg: q07 0.300 s median of 1" });
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
