import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataLayout } from "../../../src/core/pipeline/layout";
import { planPhases } from "../../../src/core/pipeline/phases";
import { recoverStalePhases } from "../../../src/core/pipeline/recovery";
import { goldFiles } from "../../../src/core/spark/goldPhase";
import type { StateFile } from "../../../src/core/state/schema";
import { StateStore, stateFilePath } from "../../../src/core/state/store";
import { benchConfig, tempDirs } from "../helpers/fixtures";
import { until } from "../helpers/async";

const temp = tempDirs();
const children: ChildProcess[] = [];
const stores: StateStore[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  }
  await Promise.all(stores.splice(0).map((s) => s.close()));
  temp.cleanup();
});

/** The pid of a process that has already exited. */
const deadPid = (): number => spawnSync("true").pid!;

/** A detached child: the leader of its own process group. */
function detached(command: string, args: string[]): { child: ChildProcess; exited: Promise<NodeJS.Signals | null> } {
  const child = spawn(command, args, { detached: true, stdio: "ignore" });
  children.push(child);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  return { child, exited };
}

/** Whether a pid is a live (not zombie) process. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}


function touch(file: string, content = "{}"): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

async function setup(state: StateFile) {
  const ws = temp.make("lakebench-recovery-");
  const config = benchConfig({ dataDir: path.join(ws, "data"), frameworks: ["iceberg", "delta"] });
  const layout = new DataLayout(config, ws);
  const file = stateFilePath(ws);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(state));
  const store = await StateStore.open(ws);
  stores.push(store);
  return { ws, config, layout, store, phases: planPhases(config) };
}

const BENCH = "lb-20260101-000000-abcd";

describe("recoverStalePhases", () => {
  it("marks a phase left running by a dead run as failed with an Interrupted error", async () => {
    const pid = deadPid();
    const { store, layout, phases } = await setup({
      version: 1,
      phases: { silver_iceberg: { status: "running", pid, startedAt: "2026-01-01T00:00:00.000Z", benchmarkId: BENCH, configHash: "h" } },
      runs: [],
    });
    const recovered = await recoverStalePhases(store, layout, phases);
    expect(recovered).toEqual(["silver_iceberg"]);
    const phase = store.phase("silver_iceberg");
    expect(phase.status).toBe("failed");
    expect(phase.error).toMatch(/^Interrupted/);
    expect(phase.error).toContain(`pid ${pid}`);
    expect(phase.pid).toBeUndefined();
    expect(phase.childPid).toBeUndefined();
    expect(phase.finishedAt).toBeDefined();
    expect(Date.parse(phase.finishedAt!)).not.toBeNaN();
    // What it knew about the run is kept for the record.
    expect(phase).toMatchObject({ startedAt: "2026-01-01T00:00:00.000Z", benchmarkId: BENCH, configHash: "h" });
  });

  it("writes the recovered state to disk", async () => {
    const { ws, store, layout, phases } = await setup({ version: 1, phases: { bronze: { status: "running", pid: deadPid() } }, runs: [] });
    await recoverStalePhases(store, layout, phases);
    const onDisk = JSON.parse(readFileSync(stateFilePath(ws), "utf8")) as StateFile;
    expect(onDisk.phases.bronze.status).toBe("failed");
    expect(onDisk.phases.bronze.error).toMatch(/Interrupted/);
  });

  it("says the pid is unknown when the state has none", async () => {
    const { store, layout, phases } = await setup({ version: 1, phases: { bronze: { status: "running" } }, runs: [] });
    await recoverStalePhases(store, layout, phases);
    expect(store.phase("bronze").error).toContain("pid unknown");
  });

  it("leaves completed, failed, cancelled and pending phases alone and returns only the recovered ones", async () => {
    const untouched: StateFile["phases"] = {
      bronze: { status: "completed", finishedAt: "2026-01-01T00:00:00.000Z", configHash: "a" },
      silver_iceberg: { status: "failed", error: "earlier failure" },
      silver_delta: { status: "cancelled", error: "Cancelled by the user" },
      gold_iceberg: { status: "pending" },
    };
    const { store, layout, phases } = await setup({
      version: 1,
      phases: { ...untouched, gold_delta: { status: "running", pid: deadPid(), benchmarkId: BENCH } },
      runs: [],
    });
    expect(await recoverStalePhases(store, layout, phases)).toEqual(["gold_delta"]);
    const after = store.snapshot.phases;
    for (const [name, state] of Object.entries(untouched)) expect(after[name]).toEqual(state);
  });

  it("returns nothing and changes nothing when no phase is running", async () => {
    const state: StateFile = { version: 1, phases: { bronze: { status: "completed" } }, runs: [] };
    const { ws, store, layout, phases } = await setup(state);
    const before = readFileSync(stateFilePath(ws), "utf8");
    expect(await recoverStalePhases(store, layout, phases)).toEqual([]);
    expect(readFileSync(stateFilePath(ws), "utf8")).toBe(before);
  });

  it("removes a silver phase's partial tables and load result, but not another format's", async () => {
    const { store, layout, phases } = await setup({
      version: 1,
      phases: { silver_iceberg: { status: "running", pid: deadPid(), benchmarkId: BENCH } },
      runs: [],
    });
    const partialTable = touch(path.join(layout.silverTablesDir("iceberg"), "lineitem", "part-0.parquet"), "x");
    const partialResult = touch(layout.silverLoadResult("iceberg"));
    const otherTable = touch(path.join(layout.silverTablesDir("delta"), "lineitem", "part-0.parquet"), "x");
    const otherResult = touch(layout.silverLoadResult("delta"));

    await recoverStalePhases(store, layout, phases);
    expect(existsSync(partialTable)).toBe(false);
    expect(existsSync(layout.silverTablesDir("iceberg"))).toBe(false);
    expect(existsSync(partialResult)).toBe(false);
    expect(existsSync(otherTable)).toBe(true);
    expect(existsSync(otherResult)).toBe(true);
  });

  it("removes a gold phase's partial metrics files for its run and format only", async () => {
    const { store, layout, phases } = await setup({
      version: 1,
      phases: { gold_delta: { status: "running", pid: deadPid(), benchmarkId: BENCH } },
      runs: [],
    });
    const partial = Object.values(goldFiles(layout.metricsDir(BENCH), "delta")).map((f) => touch(f));
    const otherFormat = Object.values(goldFiles(layout.metricsDir(BENCH), "iceberg")).map((f) => touch(f));
    const otherRun = Object.values(goldFiles(layout.metricsDir("lb-other"), "delta")).map((f) => touch(f));

    await recoverStalePhases(store, layout, phases);
    for (const f of partial) expect(existsSync(f), f).toBe(false);
    for (const f of [...otherFormat, ...otherRun]) expect(existsSync(f), f).toBe(true);
  });

  it("removes a report phase's partial report directory", async () => {
    const { store, layout, phases } = await setup({
      version: 1,
      phases: { report: { status: "running", pid: deadPid(), benchmarkId: BENCH } },
      runs: [],
    });
    touch(path.join(layout.reportDir(BENCH), "report.md"), "# partial");
    const otherReport = touch(path.join(layout.reportDir("lb-other"), "report.md"), "# done");
    await recoverStalePhases(store, layout, phases);
    expect(existsSync(layout.reportDir(BENCH))).toBe(false);
    expect(existsSync(otherReport)).toBe(true);
  });

  it("kills the orphaned child process left by the dead run", async () => {
    const { child, exited } = detached("sleep", ["30"]);
    expect(running(child.pid!)).toBe(true);
    const { store, layout, phases } = await setup({
      version: 1,
      phases: { gold_iceberg: { status: "running", pid: deadPid(), childPid: child.pid, benchmarkId: BENCH } },
      runs: [],
    });
    await recoverStalePhases(store, layout, phases);
    expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r("still running"), 3_000))])).toBe("SIGKILL");
    expect(store.phase("gold_iceberg").childPid).toBeUndefined();
  });

  it("kills the orphan's whole process group, grandchildren included", async () => {
    const { child, exited } = detached("bash", ["-c", "sleep 30 & echo $! > \"$0\"; sleep 30; wait", path.join(temp.make(), "pid")]);
    const pidFile = (child.spawnargs.at(-1) as string);
    expect(await until(() => existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() !== "")).toBe(true);
    const grandchild = Number(readFileSync(pidFile, "utf8").trim());
    expect(running(grandchild)).toBe(true);

    const { store, layout, phases } = await setup({
      version: 1,
      phases: { silver_delta: { status: "running", pid: deadPid(), childPid: child.pid } },
      runs: [],
    });
    await recoverStalePhases(store, layout, phases);
    await exited;
    expect(await until(() => !running(grandchild))).toBe(true);
  });

  it("does not fail when the recorded child is already gone", async () => {
    const { store, layout, phases } = await setup({
      version: 1,
      phases: { bronze: { status: "running", pid: deadPid(), childPid: deadPid() } },
      runs: [],
    });
    await expect(recoverStalePhases(store, layout, phases)).resolves.toEqual(["bronze"]);
  });

  it("marks runs left running as failed with an Interrupted summary, leaving finished runs alone", async () => {
    const base = { command: "run", startedAt: "2026-01-01T00:00:00.000Z", config: {}, machine: {}, phases: {} };
    const { store, layout, phases } = await setup({
      version: 1,
      phases: {},
      runs: [
        { ...base, benchmarkId: "lb-done", status: "completed", summary: { scaleFactor: 1 } },
        { ...base, benchmarkId: "lb-dead", status: "running", summary: { scaleFactor: 0.01 } },
      ],
    });
    await recoverStalePhases(store, layout, phases);
    const [done, dead] = store.snapshot.runs;
    expect(done).toMatchObject({ benchmarkId: "lb-done", status: "completed", summary: { scaleFactor: 1 } });
    expect(dead.status).toBe("failed");
    expect(dead.summary).toMatchObject({ scaleFactor: 0.01, error: expect.stringMatching(/^Interrupted/) });
  });

  it("recovers a phase that is no longer planned (e.g. a format removed from FRAMEWORKS)", async () => {
    const { store, layout, phases } = await setup({
      version: 1,
      phases: { silver_hudi: { status: "running", pid: deadPid() } },
      runs: [],
    });
    expect(await recoverStalePhases(store, layout, phases)).toEqual(["silver_hudi"]);
    expect(store.phase("silver_hudi").status).toBe("failed");
  });
});
