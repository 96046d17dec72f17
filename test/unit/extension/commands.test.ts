import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ClusterControl } from "../../../src/extension/cluster/clusterControl";
import { benchmarkCommands, type RunSession } from "../../../src/extension/commands/benchmarkCommands";
import { clusterCommands } from "../../../src/extension/commands/clusterCommands";
import { COMMANDS, type CommandEntry } from "../../../src/extension/commands/commandIds";
import { configCommands } from "../../../src/extension/commands/configCommands";
import { phaseCommands } from "../../../src/extension/commands/phaseCommands";
import { reportCommands } from "../../../src/extension/commands/reportCommands";
import { RESET_CHOICES, stateCommands } from "../../../src/extension/commands/stateCommands";
import type { RunRequest } from "../../../src/extension/run/runRequests";
import { targetPhases } from "../../../src/core";
import { buildPhaseTree } from "../../../src/extension/tree/phaseTreeModel";
import type { RunChoice, RunSelection } from "../../../src/shared/protocol";
import { tempDirs } from "../helpers/fixtures";
import { FakeLog, FakeUi } from "./support/fakes";
import { completed, state } from "./support/state";

const REPO = path.resolve(__dirname, "../../..");
const manifest = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8"));
const dirs = tempDirs();
afterEach(() => dirs.cleanup());

class FakeSession implements RunSession {
  requests: RunRequest[] = [];
  cancelled = 0;
  isRunning = false;
  async run(request: RunRequest) {
    this.requests.push(request);
    return undefined;
  }
  cancel() {
    this.cancelled++;
    return this.isRunning;
  }
}

function allCommands(overrides: { workspace?: string } = {}) {
  const ui = new FakeUi();
  const log = new FakeLog();
  const session = new FakeSession();
  const shownReports: RunSelection[] = [];
  const clusterCalls: string[] = [];
  const reportRuns: RunChoice[] = [
    { benchmarkId: "lb-b", startedAt: "2026-01-02T00:00:00Z", targets: ["Iceberg"], status: "completed" },
    { benchmarkId: "lb-a", startedAt: "2026-01-01T00:00:00Z", targets: ["Iceberg"], status: "completed" },
  ];
  const tree = buildPhaseTree({
    targets: targetPhases({ formats: ["iceberg", "parquet"] }),
    state: state({ "queries@spark.iceberg": completed({ metricsFile: "/m/spark.iceberg.json" }) }),
    metricsFileOf: (_p, s) => s.result?.metricsFile as string | undefined,
  });
  const findNode = (id: string) => [...tree, ...tree.flatMap((n) => n.children ?? [])].find((n) => n.id === id);
  const cluster: ClusterControl = {
    start: async () => (clusterCalls.push("start"), { healthy: true, summary: "3 running", masterUi: "http://127.0.0.1:8080" }),
    stop: async () => void clusterCalls.push("stop"),
    status: async () => (clusterCalls.push("status"), { healthy: false, summary: "no containers", masterUi: "http://127.0.0.1:8080" }),
  };
  const workspace = overrides.workspace;
  const resets: boolean[] = [];
  const entries: CommandEntry[] = [
    ...benchmarkCommands({ session, ui, log }),
    ...phaseCommands({ session, ui, phaseByName: findNode }),
    ...reportCommands({ ui, showReport: async (s) => void shownReports.push(s), reportRuns: async () => reportRuns }),
    ...clusterCommands({ cluster, ui, log }),
    ...stateCommands({ ui, session, workspace: () => workspace, resetState: async (_w, o) => (resets.push(o.history), { phasesReset: ["bronze"], backup: "/b" }), onReset: () => undefined }),
    ...configCommands({
      ui,
      workspace: () => workspace,
      bundledExample: path.join(REPO, ".env.example"),
      setupScript: path.join(REPO, "scripts", "setup.sh"),
      extensionRoot: REPO,
      cacheDir: async () => "/cache",
      onConfigChanged: () => undefined,
    }),
    { id: COMMANDS.viewsRefresh, run: () => undefined },
  ];
  const run = (id: string, ...args: unknown[]) => entries.find((e) => e.id === id)!.run(...args);
  return { entries, run, ui, log, session, shownReports, clusterCalls, resets, findNode };
}

describe("command wiring", () => {
  it("registers exactly the commands package.json contributes, each once", () => {
    const registered = allCommands().entries.map((e) => e.id).sort();
    const contributed = (manifest.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    expect(registered).toEqual(contributed);
    expect(new Set(registered).size).toBe(registered.length);
    expect(Object.values(COMMANDS).sort()).toEqual(contributed);
  });

  it("gives the palette commands the titles of the issue, in category Lakehouse", () => {
    const title = (id: string) => manifest.contributes.commands.find((c: { command: string }) => c.command === id);
    expect(title(COMMANDS.benchmarkRun)).toMatchObject({ title: "Run Lakehouse Benchmark", category: "Lakehouse" });
    expect(title(COMMANDS.bronzeGenerate).title).toBe("Generate Data (Bronze)");
    expect(title(COMMANDS.silverConvert).title).toBe("Convert to Lakehouse Formats (Silver)");
    expect(title(COMMANDS.goldQuery).title).toBe("Run TPC-H Queries (Gold)");
    expect(title(COMMANDS.clusterStatus).title).toBe("Show Cluster Status");
    for (const id of Object.values(COMMANDS)) expect(id).toMatch(/^lakehouseBench\.[a-z]+\.[a-zA-Z]+$/);
  });

  it("disables every command that executes something in an untrusted workspace", () => {
    const executing = [COMMANDS.benchmarkRun, COMMANDS.bronzeGenerate, COMMANDS.silverConvert, COMMANDS.goldQuery, COMMANDS.reportGenerate, COMMANDS.clusterStart, COMMANDS.clusterStop, COMMANDS.stateReset, COMMANDS.toolchainSetup, COMMANDS.phaseRun, COMMANDS.phaseForceRun];
    for (const id of executing) {
      expect(manifest.contributes.commands.find((c: { command: string }) => c.command === id).enablement, id).toBe("isWorkspaceTrusted");
    }
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe("limited");
  });

  it("activates lazily, never on *", () => {
    expect(manifest.activationEvents).not.toContain("*");
    expect(manifest.activationEvents).toContain("onView:lakehouseBench.phases");
    expect(manifest.main).toBe("./dist/extension.js");
  });

  it("maps each run command to the phase kinds core should run", async () => {
    const t = allCommands();
    await t.run(COMMANDS.benchmarkRun);
    await t.run(COMMANDS.bronzeGenerate);
    await t.run(COMMANDS.silverConvert);
    await t.run(COMMANDS.goldQuery);
    await t.run(COMMANDS.reportGenerate);
    expect(t.session.requests.map((r) => [r.command, r.targets.join("+"), r.force])).toEqual([
      ["run", "bronze+silver+gold+report", false],
      ["bronze", "bronze", false],
      ["silver", "silver", false],
      ["gold", "gold", false],
      ["report", "report", false],
    ]);
  });

  it("runs, forces and opens the files of the phase a tree item stands for", async () => {
    const t = allCommands();
    await t.run(COMMANDS.phaseRun, t.findNode("queries@spark.iceberg"));
    await t.run(COMMANDS.phaseForceRun, t.findNode("silver"));
    expect(t.session.requests.map((r) => ({ targets: r.targets, force: r.force, formats: r.formats }))).toEqual([
      { targets: ["gold"], force: false, formats: ["iceberg"] },
      { targets: ["silver"], force: true, formats: undefined },
    ]);
    expect(t.session.requests[0].title).toBe("Run queries@spark.iceberg");
    await t.run(COMMANDS.phaseOpenMetrics, t.findNode("queries@spark.iceberg"));
    await t.run(COMMANDS.phaseOpenLog, "queries@spark.iceberg");
    await t.run(COMMANDS.phaseOpenLog, "queries@spark.parquet");
    expect(t.ui.opened).toEqual(["/m/spark.iceberg.json", "/ws/.lakebench/logs/lb-20260101-100000-aaaa/phase.log"]);
    expect(t.ui.messages("info")).toEqual(["This phase has no log yet: it has not run."]);
  });

  it("cancels a run, or says nothing is running", async () => {
    const t = allCommands();
    await t.run(COMMANDS.benchmarkCancel);
    expect(t.ui.messages("info")).toEqual(["Nothing is running."]);
    t.session.isRunning = true;
    await t.run(COMMANDS.benchmarkCancel);
    expect(t.session.cancelled).toBe(2);
  });

  it("opens the newest report, one run's report, and two runs compared", async () => {
    const t = allCommands();
    await t.run(COMMANDS.reportOpen);
    await t.run(COMMANDS.runOpenReport, { benchmarkId: "lb-x", reportId: "lb-a" });
    await t.run(COMMANDS.runCompare, { benchmarkId: "lb-b" }, [{ benchmarkId: "lb-b" }, { benchmarkId: "lb-a" }]);
    t.ui.picks = ["lb-a"];
    await t.run(COMMANDS.runCompare, { benchmarkId: "lb-b" });
    expect(t.shownReports).toEqual([{}, { primary: "lb-a" }, { primary: "lb-b", compare: "lb-a" }, { primary: "lb-b", compare: "lb-a" }]);
  });

  it("starts, stops and inspects the cluster, and does none of it untrusted", async () => {
    const t = allCommands();
    t.ui.answer = "Open Spark UI";
    await t.run(COMMANDS.clusterStart);
    await t.run(COMMANDS.clusterStop);
    await t.run(COMMANDS.clusterStatus);
    expect(t.clusterCalls).toEqual(["start", "stop", "status"]);
    expect(t.ui.progressTitles).toEqual(["Starting the Spark cluster (docker compose up)", "Stopping the Spark cluster (docker compose down)"]);
    expect(t.ui.opened).toEqual(["http://127.0.0.1:8080", "http://127.0.0.1:8080"]);
    t.ui.trusted = false;
    await t.run(COMMANDS.clusterStart);
    expect(t.clusterCalls).toHaveLength(3);
  });

  it("resets the state after asking, and refuses while a run goes on", async () => {
    const t = allCommands({ workspace: dirs.make() });
    t.ui.answer = RESET_CHOICES.history;
    await t.run(COMMANDS.stateReset);
    expect(t.resets).toEqual([true]);
    t.session.isRunning = true;
    await t.run(COMMANDS.stateReset);
    expect(t.resets).toEqual([true]);
    expect(t.ui.messages("warn").at(-1)).toMatch(/A run is going on/);
  });

  it("creates .env from the example once, then opens it", async () => {
    const workspace = dirs.make();
    const t = allCommands({ workspace });
    await t.run(COMMANDS.configCreate);
    expect(readFileSync(path.join(workspace, ".env"), "utf8")).toContain("TPCH_SCALE_FACTOR=");
    writeFileSync(path.join(workspace, ".env"), "TPCH_SCALE_FACTOR=0.01\n");
    await t.run(COMMANDS.configCreate);
    expect(readFileSync(path.join(workspace, ".env"), "utf8")).toBe("TPCH_SCALE_FACTOR=0.01\n");
    expect(t.ui.opened).toEqual([path.join(workspace, ".env"), path.join(workspace, ".env")]);
  });

  it("runs setup as a program with arguments in a terminal, never a shell string", async () => {
    const t = allCommands({ workspace: dirs.make() });
    await t.run(COMMANDS.toolchainSetup);
    expect(existsSync(t.ui.terminals[0].args[0])).toBe(true);
    expect(t.ui.terminals[0]).toMatchObject({ file: "bash", args: [path.join(REPO, "scripts", "setup.sh")], env: { LAKEBENCH_CACHE_DIR: "/cache" } });
  });
});
