import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FormatId } from "../../../src/core/config/keys";
import { ENGINES, type Engine } from "../../../src/core/engines";
import { ownerLine, removeSecretProperties, secretFileName, writeSecretProperties } from "../../../src/core/engines/spark/secretProperties";
import { DataLayout } from "../../../src/core/phase/layout";
import { OwnedPathError } from "../../../src/core/phase/ownedPaths";
import { target } from "../../../src/core/phase/targets";
import type { PhaseDefinition } from "../../../src/core/phases/definition";
import { planPhases } from "../../../src/core/pipeline/plan";
import { recoverStalePhases as recoverWith, type RecoveredPhase } from "../../../src/core/pipeline/recovery";
import { readProcessIdentity } from "../../../src/core/runners/processes";
import { backupPath } from "../../../src/core/state/backup";
import { StateCorruptError } from "../../../src/core/state/errors";
import type { StateFile } from "../../../src/core/state/schema";
import { StateStore, stateFilePath } from "../../../src/core/state/store";
import { benchConfig, tempDirs } from "../helpers/fixtures";
import { rejection, until } from "../helpers/async";
import { isRunning, startedProcesses } from "../helpers/processes";
import { startUnrelatedSleep } from "../helpers/unrelatedProcess";
import { loadWorkload } from "../../../src/core/workloads";
import { fakeSessions } from "./fakeEngineSession";

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

async function setup(state: StateFile, formats: FormatId[] = ["iceberg", "delta"]) {
  const ws = temp.make("lakebench-recovery-");
  const config = benchConfig({ dataDir: path.join(ws, "data"), formats });
  const layout = new DataLayout(config, ws);
  const file = stateFilePath(ws);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(state));
  const store = await StateStore.open(ws);
  stores.push(store);
  return { ws, config, layout, store, phases: planPhases(config, loadWorkload("tpch-read"), fakeSessions()) };
}

/** Recovery as a run does it: the planned phases, and every engine's leftovers (the Spark secret files). */
const recoverStalePhases = (store: StateStore, layout: DataLayout, phases: PhaseDefinition[], engines: readonly Pick<Engine, "removeLeftovers">[] = Object.values(ENGINES)) =>
  recoverWith(store, layout, phases, engines);

const BENCH = "lb-20260101-000000-abcd";
const OTHER = "lb-20260101-000000-0000";
const DONE = "lb-20251231-000000-d0de";
const DEAD = "lb-20251231-000000-dead";

const names = (recovered: RecoveredPhase[]) => recovered.map((r) => r.name);

describe("recoverStalePhases", () => {
  it("marks a phase left running by a dead run as failed with an Interrupted error", async () => {
    const pid = deadPid();
    const { store, layout, phases } = await setup({
      version: 2,
      phases: { "load@spark.iceberg": { status: "running", pid, startedAt: "2026-01-01T00:00:00.000Z", benchmarkId: BENCH, configHash: "h" } },
      runs: [],
    });
    const recovered = await recoverStalePhases(store, layout, phases);
    expect(names(recovered)).toEqual(["load@spark.iceberg"]);
    expect(recovered[0].message).toMatch(/^load@spark\.iceberg: found interrupted by an earlier run/);
    const phase = store.phase("load@spark.iceberg");
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
    const { ws, store, layout, phases } = await setup({ version: 2, phases: { bronze: { status: "running", pid: deadPid() } }, runs: [] });
    await recoverStalePhases(store, layout, phases);
    const onDisk = JSON.parse(readFileSync(stateFilePath(ws), "utf8")) as StateFile;
    expect(onDisk.phases.bronze.status).toBe("failed");
    expect(onDisk.phases.bronze.error).toMatch(/Interrupted/);
  });

  it("says the pid is unknown when the state has none", async () => {
    const { store, layout, phases } = await setup({ version: 2, phases: { bronze: { status: "running" } }, runs: [] });
    await recoverStalePhases(store, layout, phases);
    expect(store.phase("bronze").error).toContain("pid unknown");
  });

  it("leaves completed, failed, cancelled and pending phases alone and returns only the recovered ones", async () => {
    const untouched: StateFile["phases"] = {
      bronze: { status: "completed", finishedAt: "2026-01-01T00:00:00.000Z", configHash: "a" },
      "load@spark.iceberg": { status: "failed", error: "earlier failure" },
      "load@spark.delta": { status: "cancelled", error: "Cancelled by the user" },
      "queries@spark.iceberg": { status: "pending" },
    };
    const { store, layout, phases } = await setup({
      version: 2,
      phases: { ...untouched, "queries@spark.delta": { status: "running", pid: deadPid(), benchmarkId: BENCH } },
      runs: [],
    });
    expect(names(await recoverStalePhases(store, layout, phases))).toEqual(["queries@spark.delta"]);
    const after = store.snapshot.phases;
    for (const [name, state] of Object.entries(untouched)) expect(after[name]).toEqual(state);
  });

  it("returns nothing and changes nothing when no phase is running", async () => {
    const state: StateFile = { version: 2, phases: { bronze: { status: "completed" } }, runs: [] };
    const { ws, store, layout, phases } = await setup(state);
    const before = readFileSync(stateFilePath(ws), "utf8");
    expect(await recoverStalePhases(store, layout, phases)).toEqual([]);
    expect(readFileSync(stateFilePath(ws), "utf8")).toBe(before);
  });

  it("removes a load phase's partial tables and load result, but not another format's", async () => {
    const { store, layout, phases } = await setup({
      version: 2,
      phases: { "load@spark.iceberg": { status: "running", pid: deadPid(), benchmarkId: BENCH } },
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

  it("removes a variant's partial tables, not those of the other variant of its format", async () => {
    const { store, layout, phases } = await setup(
      { version: 2, phases: { "load@spark.iceberg-mor": { status: "running", pid: deadPid(), benchmarkId: BENCH } }, runs: [] },
      ["iceberg", "iceberg-mor"],
    );
    const partial = touch(path.join(layout.silverTablesDir("iceberg-mor"), "orders", "part-0.parquet"), "x");
    const copyOnWrite = touch(path.join(layout.silverTablesDir("iceberg"), "orders", "part-0.parquet"), "x");
    await recoverStalePhases(store, layout, phases);
    expect(existsSync(partial)).toBe(false);
    expect(existsSync(layout.silverLoadResult("iceberg-mor"))).toBe(false);
    expect(existsSync(copyOnWrite)).toBe(true);
  });

  it("removes a query phase's partial metrics files for its run and format only", async () => {
    const { store, layout, phases } = await setup({
      version: 2,
      phases: { "queries@spark.delta": { status: "running", pid: deadPid(), benchmarkId: BENCH } },
      runs: [],
    });
    const partial = Object.values(layout.queryFiles(BENCH, target("spark", "delta"))).map((f) => touch(f));
    const otherFormat = Object.values(layout.queryFiles(BENCH, target("spark", "iceberg"))).map((f) => touch(f));
    const otherRun = Object.values(layout.queryFiles(OTHER, target("spark", "delta"))).map((f) => touch(f));

    await recoverStalePhases(store, layout, phases);
    for (const f of partial) expect(existsSync(f), f).toBe(false);
    for (const f of [...otherFormat, ...otherRun]) expect(existsSync(f), f).toBe(true);
  });

  it("removes a report phase's partial report directory", async () => {
    const { store, layout, phases } = await setup({
      version: 2,
      phases: { report: { status: "running", pid: deadPid(), benchmarkId: BENCH } },
      runs: [],
    });
    touch(path.join(layout.reportDir(BENCH), "report.md"), "# partial");
    const otherReport = touch(path.join(layout.reportDir(OTHER), "report.md"), "# done");
    await recoverStalePhases(store, layout, phases);
    expect(existsSync(layout.reportDir(BENCH))).toBe(false);
    expect(existsSync(otherReport)).toBe(true);
  });

  it("kills the orphaned child process left by the dead run", async () => {
    const { child, exited } = detached("sleep", ["30"]);
    expect(running(child.pid!)).toBe(true);
    const { store, layout, phases } = await setup({
      version: 2,
      phases: { "queries@spark.iceberg": { status: "running", pid: deadPid(), childPid: child.pid, childIdentity: readProcessIdentity(child.pid!), benchmarkId: BENCH } },
      runs: [],
    });
    await recoverStalePhases(store, layout, phases);
    expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r("still running"), 3_000))])).toBe("SIGKILL");
    expect(store.phase("queries@spark.iceberg").childPid).toBeUndefined();
  });

  it("kills the orphan's whole process group, grandchildren included", async () => {
    const { child, exited } = detached("bash", ["-c", "sleep 30 & echo $! > \"$0\"; sleep 30; wait", path.join(temp.make(), "pid")]);
    const pidFile = (child.spawnargs.at(-1) as string);
    expect(await until(() => existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() !== "")).toBe(true);
    const grandchild = Number(readFileSync(pidFile, "utf8").trim());
    expect(running(grandchild)).toBe(true);

    const { store, layout, phases } = await setup({
      version: 2,
      phases: { "load@spark.delta": { status: "running", pid: deadPid(), childPid: child.pid, childIdentity: readProcessIdentity(child.pid!) } },
      runs: [],
    });
    await recoverStalePhases(store, layout, phases);
    await exited;
    expect(await until(() => !running(grandchild))).toBe(true);
  });

  it("does not fail when the recorded child is already gone", async () => {
    const { store, layout, phases } = await setup({
      version: 2,
      phases: { bronze: { status: "running", pid: deadPid(), childPid: deadPid() } },
      runs: [],
    });
    expect(names(await recoverStalePhases(store, layout, phases))).toEqual(["bronze"]);
  });

  it("marks runs left running as failed with an Interrupted summary, leaving finished runs alone", async () => {
    const base = { command: "run", startedAt: "2026-01-01T00:00:00.000Z", config: {}, machine: {}, phases: {} };
    const { store, layout, phases } = await setup({
      version: 2,
      phases: {},
      runs: [
        { ...base, benchmarkId: DONE, status: "completed", summary: { scaleFactor: 1 } },
        { ...base, benchmarkId: DEAD, status: "running", summary: { scaleFactor: 0.01 } },
      ],
    });
    await recoverStalePhases(store, layout, phases);
    const [done, dead] = store.snapshot.runs;
    expect(done).toMatchObject({ benchmarkId: DONE, status: "completed", summary: { scaleFactor: 1 } });
    expect(dead.status).toBe("failed");
    expect(dead.summary).toMatchObject({ scaleFactor: 0.01, error: expect.stringMatching(/^Interrupted/) });
  });

  it("recovers a phase that is no longer planned (e.g. a format removed from FRAMEWORKS)", async () => {
    const { store, layout, phases } = await setup({
      version: 2,
      phases: { "load@spark.hudi": { status: "running", pid: deadPid() } },
      runs: [],
    });
    expect(names(await recoverStalePhases(store, layout, phases))).toEqual(["load@spark.hudi"]);
    expect(store.phase("load@spark.hudi").status).toBe("failed");
  });
});

describe("recovery and the engines", () => {
  it("asks every engine it is given to remove its leftovers, once, after the phases", async () => {
    const { store, layout, phases } = await setup({ version: 2, phases: { bronze: { status: "running", pid: deadPid() } }, runs: [] });
    const asked: string[] = [];
    const engine = (name: string) => ({
      removeLeftovers: async (given: DataLayout) => {
        expect(given).toBe(layout);
        asked.push(`${name} after bronze was ${store.phase("bronze").status}`);
        return [];
      },
    });
    await recoverStalePhases(store, layout, phases, [engine("a"), engine("b")]);
    expect(asked).toEqual(["a after bronze was failed", "b after bronze was failed"]);
  });
});

describe("recovery touches only what the run owns", () => {
  it("refuses a state whose run id leads outside (../../../x): corrupt, backed up, exit 2, nothing removed", async () => {
    const ws = temp.make("lakebench-recovery-");
    const config = benchConfig({ dataDir: path.join(ws, "data"), formats: ["iceberg"] });
    const layout = new DataLayout(config, ws);
    // Where reportDir("../../../x") points: DATA_DIR/gold/reports/../../../x, i.e. beside DATA_DIR.
    const victim = touch(path.join(layout.reportDir("../../../x"), "keep.txt"), "keep me");
    expect(path.relative(ws, victim).startsWith("data")).toBe(false);
    const file = stateFilePath(ws);
    const text = JSON.stringify({ version: 2, phases: { report: { status: "running", pid: deadPid(), benchmarkId: "../../../x" } }, runs: [] });
    touch(file, text);

    const error = await rejection(StateStore.open(ws));
    expect(error).toBeInstanceOf(StateCorruptError);
    const corrupt = error as StateCorruptError;
    expect(corrupt.exitCode).toBe(2);
    expect(corrupt.message).toMatch(/phases\.report\.benchmarkId: not a run id/);
    expect(corrupt.backup).toBe(backupPath(file, Buffer.from(text), "corrupt"));
    expect(readFileSync(corrupt.backup!, "utf8")).toBe(text);
    expect(readFileSync(victim, "utf8")).toBe("keep me");
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("refuses to remove a partial output that leads out of DATA_DIR through a symbolic link, leaving its target", async () => {
    const { store, layout, phases, ws } = await setup({
      version: 2,
      phases: { report: { status: "running", pid: deadPid(), benchmarkId: BENCH } },
      runs: [],
    });
    const outside = temp.make("lakebench-outside-");
    const precious = touch(path.join(outside, "keep.txt"), "keep me");
    mkdirSync(path.dirname(layout.reportDir(BENCH)), { recursive: true });
    symlinkSync(outside, layout.reportDir(BENCH));

    const error = await rejection(recoverStalePhases(store, layout, phases));
    expect(error).toBeInstanceOf(OwnedPathError);
    expect((error as OwnedPathError).exitCode).toBe(2);
    expect((error as Error).message).toContain(realpathSync(outside));
    expect(readFileSync(precious, "utf8")).toBe("keep me");
    expect(existsSync(ws)).toBe(true);
  });
});

describe("recovery signals only what it started", () => {
  const processes = startedProcesses();
  afterEach(() => {
    vi.restoreAllMocks();
    processes.stopAll();
  });

  it.each([1, 0, -1, -4242])("childPid %s: not signalled (process.kill is a recorder here), and the message says so", async (childPid) => {
    const kill = vi.spyOn(process, "kill").mockImplementation(() => true);
    const { store, layout, phases } = await setup({
      version: 2,
      phases: { "queries@spark.iceberg": { status: "running", pid: 999_999_999, childPid, childIdentity: { startTime: 1, cmdline: ["sleep"] }, benchmarkId: BENCH } },
      runs: [],
    });
    const [recovered] = await recoverStalePhases(store, layout, phases);
    expect(kill).not.toHaveBeenCalled();
    expect(recovered.message).toMatch(/not signalled/);
    expect(store.phase("queries@spark.iceberg")).toMatchObject({ status: "failed", error: expect.stringMatching(/not signalled: a child's pid is an integer above 1/) });
    expect(store.phase("queries@spark.iceberg").childIdentity).toBeUndefined();
  });

  it("a live unrelated process group recorded without an identity is not signalled, and keeps running", async () => {
    const sleep = await startUnrelatedSleep(processes);
    const kill = vi.spyOn(process, "kill");
    const { store, layout, phases } = await setup({
      version: 2,
      phases: { "load@spark.iceberg": { status: "running", pid: deadPid(), childPid: sleep, benchmarkId: BENCH } },
      runs: [],
    });
    const [recovered] = await recoverStalePhases(store, layout, phases);
    expect(kill.mock.calls.filter(([, signal]) => signal !== 0)).toEqual([]);
    expect(recovered.message).toMatch(/no identity was recorded/);
    expect(isRunning(sleep)).toBe(true);
  });

  it("a live process whose start time differs from the recorded identity (a reused pid) is not signalled", async () => {
    const sleep = await startUnrelatedSleep(processes);
    const live = readProcessIdentity(sleep)!;
    const kill = vi.spyOn(process, "kill");
    const { store, layout, phases } = await setup({
      version: 2,
      phases: { "queries@spark.delta": { status: "running", pid: deadPid(), childPid: sleep, childIdentity: { ...live, startTime: live.startTime + 1 }, benchmarkId: BENCH } },
      runs: [],
    });
    const [recovered] = await recoverStalePhases(store, layout, phases);
    expect(kill.mock.calls.filter(([, signal]) => signal !== 0)).toEqual([]);
    expect(recovered.message).toMatch(/another process/);
    expect(store.phase("queries@spark.delta").error).toMatch(/another process.*not signalled/);
    expect(isRunning(sleep)).toBe(true);
  });

  it("a live process whose command line differs from the recorded one is not signalled", async () => {
    const sleep = await startUnrelatedSleep(processes);
    const live = readProcessIdentity(sleep)!;
    const { store, layout, phases } = await setup({
      version: 2,
      phases: { "queries@spark.delta": { status: "running", pid: deadPid(), childPid: sleep, childIdentity: { ...live, cmdline: ["/opt/spark/bin/spark-submit", "/jobs/gold/queries.py"] }, benchmarkId: BENCH } },
      runs: [],
    });
    await recoverStalePhases(store, layout, phases);
    expect(isRunning(sleep)).toBe(true);
  });
});

describe("recovery removes secret files left by dead runs", () => {
  const processes = startedProcesses();
  afterEach(() => processes.stopAll());

  it("removes ours of pids that are gone or now another process, keeps live ones and anything not named like ours", async () => {
    const { store, layout, phases } = await setup({ version: 2, phases: {}, runs: [] });
    const dir = layout.privateDir;
    const [liveA, liveB] = [await startUnrelatedSleep(processes), await startUnrelatedSleep(processes)];
    const startOf = (pid: number) => readProcessIdentity(pid)!.startTime;
    const file = (pid: number | string, startTime?: number) =>
      touch(path.join(dir, typeof pid === "number" ? secretFileName(pid) : pid), `${typeof pid === "number" ? ownerLine(pid, startTime) : ""}spark.authenticate.secret s3cret\n`);
    const gone = [
      file(deadPid()), // its run is gone
      file(deadPid(), 12345),
      file(liveA, startOf(liveA) + 1), // the pid lives on, but in a process started later: a reused pid
    ];
    const kept = [
      file(process.pid, startOf(process.pid)), // this run's own
      file(liveB), // alive, and nothing to tell it from its writer: kept
      file("notes.txt"),
      file("spark-auth-abc.properties"),
    ];
    // A link named like ours is not ours: neither it nor its target is touched.
    const outside = touch(path.join(temp.make("lakebench-outside-"), "target.properties"), "keep me");
    const link = path.join(dir, secretFileName(deadPid()));
    symlinkSync(outside, link);

    await recoverStalePhases(store, layout, phases);
    for (const f of gone) expect(existsSync(f), f).toBe(false);
    for (const f of kept) expect(existsSync(f), f).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(outside, "utf8")).toBe("keep me");
  });

  it("keeps the file a live run wrote for its cluster, and that run removes it at its end", async () => {
    const { store, layout, phases, config } = await setup({ version: 2, phases: {}, runs: [] });
    const cluster = { ...config, spark: { ...config.spark, master: "spark://127.0.0.1:7077", authSecret: "s3cret-s3cret" } };
    const file = (await writeSecretProperties(cluster))!;
    expect(path.dirname(file)).toBe(layout.privateDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toMatch(/^# lakebench owner pid \d+ started \d+\nspark\.authenticate\.secret s3cret-s3cret\n$/);
    await recoverStalePhases(store, layout, phases);
    expect(existsSync(file)).toBe(true);
    await removeSecretProperties(file);
    expect(existsSync(file)).toBe(false);
  });

  it("does nothing when there is no private directory", async () => {
    const { store, layout, phases } = await setup({ version: 2, phases: {}, runs: [] });
    expect(await recoverStalePhases(store, layout, phases)).toEqual([]);
    expect(existsSync(layout.privateDir)).toBe(false);
  });
});
