import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { backupPath } from "../../../src/core/state/backup";
import { StateCorruptError, StateLockedError, StateLockLostError, StatePathError } from "../../../src/core/state/errors";
import { emptyState, type RunRecord } from "../../../src/core/state/schema";
import { readState, StateStore, stateFilePath } from "../../../src/core/state/store";
import { tempDirs } from "../helpers/fixtures";
import { rejection, until } from "../helpers/async";

const temp = tempDirs();
const open: StateStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close().catch(() => undefined)));
  temp.cleanup();
});

async function openStore(workspace: string): Promise<StateStore> {
  const store = await StateStore.open(workspace);
  open.push(store);
  return store;
}

const ID1 = "lb-20260101-000000-0001";
const ID2 = "lb-20260101-000000-0002";
const IDX = "lb-20260101-000000-000f";

const run = (benchmarkId: string): RunRecord => ({
  benchmarkId,
  command: "run",
  startedAt: "2026-01-01T00:00:00.000Z",
  status: "running",
  config: { TPCH_SCALE_FACTOR: "0.01" },
  machine: { cpus: 2 },
  phases: {},
});

function writeStateFile(workspace: string, text: string): string {
  const file = stateFilePath(workspace);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}


describe("stateFilePath", () => {
  it("is .lakebench/state.json in the workspace", () => {
    expect(stateFilePath("/ws")).toBe(path.join("/ws", ".lakebench", "state.json"));
  });
});

describe("StateStore: reading", () => {
  it("starts from an empty state when there is no state file, without creating one", async () => {
    const ws = temp.make();
    const store = await openStore(ws);
    expect(store.snapshot).toEqual(emptyState());
    expect(store.phase("bronze")).toEqual({ status: "pending" });
    expect(existsSync(stateFilePath(ws))).toBe(false);
  });

  it("reads back what an earlier store wrote", async () => {
    const ws = temp.make();
    const first = await openStore(ws);
    await first.setPhase("bronze", { status: "completed", configHash: "abc", result: { rows: 42 } });
    await first.addRun(run(ID1));
    await first.close();
    open.splice(open.indexOf(first), 1);

    const second = await openStore(ws);
    expect(second.phase("bronze")).toEqual({ status: "completed", configHash: "abc", result: { rows: 42 } });
    expect(second.snapshot.runs.map((r) => r.benchmarkId)).toEqual([ID1]);
  });

  it("gives snapshots that cannot change the stored state", async () => {
    const store = await openStore(temp.make());
    await store.setPhase("bronze", { status: "completed" });
    const snapshot = store.snapshot;
    snapshot.phases.bronze.status = "failed";
    snapshot.runs.push(run(IDX));
    expect(store.phase("bronze").status).toBe("completed");
    expect(store.snapshot.runs).toEqual([]);
  });
});

describe("StateStore: writing", () => {
  it("writes valid, complete JSON after every change and leaves no temporary files", async () => {
    const ws = temp.make();
    const store = await openStore(ws);
    await store.setPhase("bronze", { status: "running", pid: 123 });
    await store.addRun(run(ID1));
    await store.updateRun(ID1, (r) => {
      r.status = "completed";
      r.phases = { bronze: "executed" };
    });
    await store.setPhase("bronze", { status: "completed", finishedAt: "2026-01-01T00:01:00.000Z" });

    const onDisk = JSON.parse(readFileSync(stateFilePath(ws), "utf8"));
    expect(onDisk).toEqual(store.snapshot);
    expect(onDisk.phases.bronze).toEqual({ status: "completed", finishedAt: "2026-01-01T00:01:00.000Z" });
    expect(onDisk.runs[0]).toMatchObject({ benchmarkId: ID1, status: "completed", phases: { bronze: "executed" } });
    const leftovers = readdirSync(path.dirname(stateFilePath(ws))).filter((n) => n.startsWith("state.json") && n !== "state.json");
    expect(leftovers).toEqual([]);
  });

  it("keeps the file valid JSON under many concurrent updates", async () => {
    const ws = temp.make();
    const store = await openStore(ws);
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.setPhase(`phase_${i}`, { status: "completed" })));
    const onDisk = JSON.parse(readFileSync(stateFilePath(ws), "utf8"));
    expect(Object.keys(onDisk.phases)).toHaveLength(25);
  });

  it("refuses to update a run it does not have", async () => {
    const store = await openStore(temp.make());
    await expect(store.updateRun("lb-missing", () => undefined)).rejects.toThrow(/No run lb-missing/);
  });

  it("replace swaps in a whole new state", async () => {
    const ws = temp.make();
    const store = await openStore(ws);
    await store.setPhase("bronze", { status: "completed" });
    await store.replace({ version: 2, phases: {}, runs: [run(ID2)] });
    expect(JSON.parse(readFileSync(stateFilePath(ws), "utf8"))).toEqual({ version: 2, phases: {}, runs: [run(ID2)] });
  });
});

describe("StateStore: the run lock", () => {
  /**
   * Settles a promise whose work waits on proper-lockfile's retry timers. setTimeout is
   * faked (Date and I/O are real) so the retries (about 20 s of waiting) take well under a second.
   */
  async function settleWithFastRetries<T>(start: () => Promise<T>, between?: () => Promise<void>): Promise<{ value?: T; error?: unknown }> {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      let outcome: { value?: T; error?: unknown } | undefined;
      start().then(
        (value) => (outcome = { value }),
        (error: unknown) => (outcome = { error }),
      );
      const deadline = Date.now() + 20_000; // real time: Date is not faked
      for (let step = 0; outcome === undefined && Date.now() < deadline; step++) {
        // Give the lock's file system calls a few real milliseconds, then jump the clock.
        const pause = Date.now() + 5;
        while (Date.now() < pause) await new Promise((r) => setImmediate(r));
        if (step === 5 && between) await between();
        vi.advanceTimersByTime(250);
      }
      if (!outcome) throw new Error("StateStore.open neither opened nor failed");
      return outcome;
    } finally {
      vi.useRealTimers();
    }
  }

  it("refuses a second open of the same workspace while the first holds the lock, naming the holder's pid, command and since when", async () => {
    const ws = temp.make();
    const before = new Date().toISOString();
    open.push(await StateStore.open(ws, { command: "gold" }));
    const { error } = await settleWithFastRetries(() => StateStore.open(ws, { command: "report" }));
    expect(error).toBeInstanceOf(StateLockedError);
    const locked = error as StateLockedError;
    expect(locked.exitCode).toBe(3);
    expect(locked.file).toBe(stateFilePath(ws));
    expect(locked.holder).toMatchObject({ pid: process.pid, command: "gold" });
    expect(locked.holder!.since >= before).toBe(true);
    expect(locked.message).toMatch(/holds the lock/);
    expect(locked.message).toContain(`pid ${process.pid}, \`lakebench gold\`, since ${locked.holder!.since}`);
  });

  it("waits for a lock that the first run releases during the retries", async () => {
    const ws = temp.make();
    const first = await StateStore.open(ws);
    await first.setPhase("bronze", { status: "completed" });
    const { value, error } = await settleWithFastRetries(
      () => StateStore.open(ws),
      () => first.close(),
    );
    expect(error).toBeUndefined();
    expect(value).toBeInstanceOf(StateStore);
    open.push(value!);
    expect(value!.phase("bronze").status).toBe("completed");
  });

  it("keeps different workspaces independent", async () => {
    await openStore(temp.make());
    await expect(openStore(temp.make())).resolves.toBeInstanceOf(StateStore);
  });

  it("lets the next run open the workspace once the first has closed", async () => {
    const ws = temp.make();
    const first = await StateStore.open(ws);
    await first.close();
    const second = await openStore(ws);
    expect(second.snapshot).toEqual(emptyState());
  });

  it("does not hold the lock after refusing a corrupt state file", async () => {
    const ws = temp.make();
    writeStateFile(ws, "{ not json");
    await expect(StateStore.open(ws)).rejects.toBeInstanceOf(StateCorruptError);
    // Had the lock been kept, this would fail with StateLockedError after its retries.
    writeFileSync(stateFilePath(ws), JSON.stringify(emptyState()));
    await expect(openStore(ws)).resolves.toBeInstanceOf(StateStore);
  });
});

describe("a corrupt state file", () => {
  const cases: [string, string, RegExp][] = [
    ["invalid JSON", '{"version": 2, "phases": {', /not JSON/],
    ["valid JSON with the wrong shape", JSON.stringify({ version: 2, phases: { bronze: { status: "exploded" } }, runs: [] }), /phases\.bronze\.status/],
    ["a version-1 file with the wrong shape (not migrated)", JSON.stringify({ version: 1, phases: { bronze: { status: "exploded" } }, runs: [] }), /phases\.bronze\.status/],
    ["valid JSON of another version", JSON.stringify({ version: 3, phases: {}, runs: [] }), /version/],
    ["a JSON array", "[]", /top level/],
    ["a phase's run id that leads out of DATA_DIR", JSON.stringify({ version: 2, phases: { report: { status: "running", benchmarkId: "../../../x" } }, runs: [] }), /phases\.report\.benchmarkId: not a run id/],
    ["a run record's id that is no run id", JSON.stringify({ version: 2, phases: {}, runs: [{ ...run(ID1), benchmarkId: "lb-1/../../x" }] }), /runs\.0\.benchmarkId/],
  ];

  it.each(cases)("%s: open refuses with StateCorruptError (exit 2) naming the file, the reason and the backup", async (_label, text, reason) => {
    const ws = temp.make();
    const file = writeStateFile(ws, text);
    const error = await rejection(StateStore.open(ws));
    expect(error).toBeInstanceOf(StateCorruptError);
    const corrupt = error as StateCorruptError;
    expect(corrupt.exitCode).toBe(2);
    expect(corrupt.file).toBe(file);
    expect(corrupt.message).toMatch(reason);
    expect(corrupt.backup).toBeDefined();
    expect(corrupt.message).toContain(corrupt.backup);
  });

  it.each(cases)("%s: open keeps a backup with identical bytes beside it and leaves the original unchanged", async (_label, text) => {
    const ws = temp.make();
    const file = writeStateFile(ws, text);
    const before = readFileSync(file);
    const error = (await rejection(StateStore.open(ws))) as StateCorruptError;
    expect(path.dirname(error.backup!)).toBe(path.dirname(file));
    expect(error.backup).toBe(backupPath(file, before, "corrupt"));
    expect(readFileSync(error.backup!).equals(before)).toBe(true);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("readState (read-only) refuses it without writing any backup", async () => {
    const ws = temp.make();
    const file = writeStateFile(ws, "{ not json");
    const error = await rejection(readState(file));
    expect(error).toBeInstanceOf(StateCorruptError);
    expect((error as StateCorruptError).backup).toBeUndefined();
    expect((error as Error).message).toMatch(/Nothing was changed/);
    expect(backupsIn(file)).toEqual([]);
  });

  it("is backed up once per distinct content, however many writing commands meet it", async () => {
    const ws = temp.make();
    const file = writeStateFile(ws, "{ first");
    for (let i = 0; i < 3; i++) await rejection(StateStore.open(ws));
    expect(backupsIn(file)).toHaveLength(1);
    writeFileSync(file, "{ second");
    for (let i = 0; i < 3; i++) await rejection(StateStore.open(ws));
    expect(backupsIn(file)).toHaveLength(2);
    expect(backupsIn(file).map((n) => readFileSync(path.join(path.dirname(file), n), "utf8")).sort()).toEqual(["{ first", "{ second"]);
  });

  it("refuses a backup path that is a symbolic link, leaving the link's target untouched", async () => {
    const ws = temp.make();
    const file = writeStateFile(ws, "{ corrupt");
    const outside = path.join(temp.make(), "precious.txt");
    writeFileSync(outside, "keep me");
    symlinkSync(outside, backupPath(file, readFileSync(file), "corrupt"));
    const error = await rejection(StateStore.open(ws));
    expect(error).toBeInstanceOf(StatePathError);
    expect((error as StatePathError).problem).toBe("symlink");
    expect(readFileSync(outside, "utf8")).toBe("keep me");
  });
});

const backupsIn = (file: string) => readdirSync(path.dirname(file)).filter((n) => n.startsWith("state.json.") && n !== "state.json");

describe("paths that are not what they should be", () => {
  /** A file outside the workspace that a link could lead a write to. */
  function outsideFile(): string {
    const file = path.join(temp.make(), "precious.json");
    writeFileSync(file, "keep me");
    return file;
  }

  it("refuses a state.json that is a symbolic link, for reading and writing, and leaves its target untouched", async () => {
    const ws = temp.make();
    const target = outsideFile();
    mkdirSync(path.join(ws, ".lakebench"));
    symlinkSync(target, stateFilePath(ws));
    for (const attempt of [() => StateStore.open(ws), () => readState(stateFilePath(ws))]) {
      const error = await rejection(attempt());
      expect(error).toBeInstanceOf(StatePathError);
      expect(error).toMatchObject({ exitCode: 2, problem: "symlink", path: stateFilePath(ws) });
      expect((error as Error).message).toMatch(/symbolic link/);
    }
    expect(readFileSync(target, "utf8")).toBe("keep me");
  });

  it("refuses to write when state.json is replaced by a link while the store is open", async () => {
    const ws = temp.make();
    const store = await openStore(ws);
    const target = outsideFile();
    symlinkSync(target, stateFilePath(ws));
    expect(await rejection(store.setPhase("bronze", { status: "completed" }))).toBeInstanceOf(StatePathError);
    expect(readFileSync(target, "utf8")).toBe("keep me");
  });

  it("refuses a run.lock that is a symbolic link, leaving its target alone", async () => {
    const ws = temp.make();
    const elsewhere = temp.make();
    mkdirSync(path.join(ws, ".lakebench"));
    symlinkSync(elsewhere, path.join(ws, ".lakebench", "run.lock"));
    const error = await rejection(StateStore.open(ws));
    expect(error).toMatchObject({ exitCode: 2, problem: "symlink", path: path.join(ws, ".lakebench", "run.lock") });
    expect(existsSync(elsewhere)).toBe(true);
  });

  it("refuses a .lakebench that is a symbolic link", async () => {
    const ws = temp.make();
    symlinkSync(temp.make(), path.join(ws, ".lakebench"));
    expect(await rejection(StateStore.open(ws))).toMatchObject({ exitCode: 2, problem: "symlink" });
    expect(await rejection(readState(stateFilePath(ws)))).toMatchObject({ exitCode: 2, problem: "symlink" });
  });

  it("explains a .lakebench that is a file (not a raw ENOTDIR), with exit code 2", async () => {
    const ws = temp.make();
    writeFileSync(path.join(ws, ".lakebench"), "oops");
    for (const attempt of [() => StateStore.open(ws), () => readState(stateFilePath(ws))]) {
      const error = await rejection(attempt());
      expect(error).toBeInstanceOf(StatePathError);
      expect(error).toMatchObject({ exitCode: 2, problem: "not-a-directory", path: path.join(ws, ".lakebench") });
      expect((error as Error).message).not.toMatch(/ENOTDIR/);
    }
    expect(readFileSync(path.join(ws, ".lakebench"), "utf8")).toBe("oops");
  });

  it("explains a state.json that is a directory (not a raw EISDIR), with exit code 2", async () => {
    const ws = temp.make();
    mkdirSync(stateFilePath(ws), { recursive: true });
    for (const attempt of [() => StateStore.open(ws), () => readState(stateFilePath(ws))]) {
      const error = await rejection(attempt());
      expect(error).toMatchObject({ exitCode: 2, problem: "not-a-file", path: stateFilePath(ws) });
      expect((error as Error).message).not.toMatch(/EISDIR/);
    }
  });

  // As root, chmod 000 does not stop reading (no EACCES): the case cannot be made there.
  it.skipIf(process.getuid?.() === 0)("explains an unreadable state.json (not a raw EACCES), with exit code 2", async () => {
    const ws = temp.make();
    const file = writeStateFile(ws, JSON.stringify(emptyState()));
    chmodSync(file, 0o000);
    try {
      for (const attempt of [() => StateStore.open(ws), () => readState(file)]) {
        expect(await rejection(attempt())).toMatchObject({ exitCode: 2, problem: "unreadable", path: file });
      }
    } finally {
      chmodSync(file, 0o600);
    }
  });

  it("refuses a workspace that does not exist, creating nothing", async () => {
    const missing = path.join(temp.make(), "no-such-workspace");
    expect(await rejection(StateStore.open(missing))).toMatchObject({ exitCode: 2, problem: "missing-workspace", path: missing });
    expect(existsSync(missing)).toBe(false);
  });
});

describe("the run lock's leftovers and holder", () => {
  it("removes a stale plain-file run.lock (ours is a directory) and opens", async () => {
    const ws = temp.make();
    mkdirSync(path.join(ws, ".lakebench"));
    const lock = path.join(ws, ".lakebench", "run.lock");
    writeFileSync(lock, "left by something else");
    utimesSync(lock, new Date(0), new Date(0));
    const store = await openStore(ws);
    await store.setPhase("bronze", { status: "completed" });
    expect(statSync(lock).isDirectory()).toBe(true);
  });

  it("writes who holds the lock beside it while open, and removes it on close", async () => {
    const ws = temp.make();
    const store = await StateStore.open(ws, { command: "silver" });
    const owner = JSON.parse(readFileSync(path.join(ws, ".lakebench", "run.lock.owner.json"), "utf8"));
    expect(owner).toMatchObject({ pid: process.pid, command: "silver" });
    expect(Date.parse(owner.since)).not.toBeNaN();
    await store.close();
    expect(existsSync(path.join(ws, ".lakebench", "run.lock.owner.json"))).toBe(false);
  });

  it("reports a lost lock (proper-lockfile's onCompromised) as StateLockLostError on the next write, without crashing", async () => {
    const ws = temp.make();
    const store = await openStore(ws);
    // Another party removes the lock directory: the next refresh (every 2 s) finds it gone.
    rmSync(path.join(ws, ".lakebench", "run.lock"), { recursive: true });
    expect(await until(() => store.lockLost !== undefined, 15_000)).toBe(true);
    const error = await rejection(store.setPhase("bronze", { status: "completed" }));
    expect(error).toBeInstanceOf(StateLockLostError);
    expect((error as Error).message).toMatch(/lock .* was lost/);
    await expect(store.close()).resolves.toBeUndefined();
    expect(existsSync(stateFilePath(ws))).toBe(false); // nothing was written after the loss
  });
});
