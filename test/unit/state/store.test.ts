import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StateCorruptError, StateLockedError } from "../../../src/core/state/errors";
import { emptyState, type RunRecord } from "../../../src/core/state/schema";
import { readState, StateStore, stateFilePath } from "../../../src/core/state/store";
import { tempDirs } from "../helpers/fixtures";
import { rejection } from "../helpers/async";

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
    await first.addRun(run("lb-1"));
    await first.close();
    open.splice(open.indexOf(first), 1);

    const second = await openStore(ws);
    expect(second.phase("bronze")).toEqual({ status: "completed", configHash: "abc", result: { rows: 42 } });
    expect(second.snapshot.runs.map((r) => r.benchmarkId)).toEqual(["lb-1"]);
  });

  it("gives snapshots that cannot change the stored state", async () => {
    const store = await openStore(temp.make());
    await store.setPhase("bronze", { status: "completed" });
    const snapshot = store.snapshot;
    snapshot.phases.bronze.status = "failed";
    snapshot.runs.push(run("lb-x"));
    expect(store.phase("bronze").status).toBe("completed");
    expect(store.snapshot.runs).toEqual([]);
  });
});

describe("StateStore: writing", () => {
  it("writes valid, complete JSON after every change and leaves no temporary files", async () => {
    const ws = temp.make();
    const store = await openStore(ws);
    await store.setPhase("bronze", { status: "running", pid: 123 });
    await store.addRun(run("lb-1"));
    await store.updateRun("lb-1", (r) => {
      r.status = "completed";
      r.phases = { bronze: "executed" };
    });
    await store.setPhase("bronze", { status: "completed", finishedAt: "2026-01-01T00:01:00.000Z" });

    const onDisk = JSON.parse(readFileSync(stateFilePath(ws), "utf8"));
    expect(onDisk).toEqual(store.snapshot);
    expect(onDisk.phases.bronze).toEqual({ status: "completed", finishedAt: "2026-01-01T00:01:00.000Z" });
    expect(onDisk.runs[0]).toMatchObject({ benchmarkId: "lb-1", status: "completed", phases: { bronze: "executed" } });
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
    await store.replace({ version: 1, phases: {}, runs: [run("lb-2")] });
    expect(JSON.parse(readFileSync(stateFilePath(ws), "utf8"))).toEqual({ version: 1, phases: {}, runs: [run("lb-2")] });
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

  it("refuses a second open of the same workspace while the first holds the lock, with StateLockedError", async () => {
    const ws = temp.make();
    await openStore(ws);
    const { error } = await settleWithFastRetries(() => StateStore.open(ws));
    expect(error).toBeInstanceOf(StateLockedError);
    expect((error as StateLockedError).exitCode).toBe(3);
    expect((error as StateLockedError).file).toBe(stateFilePath(ws));
    expect((error as Error).message).toMatch(/holds the lock/);
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
    ["invalid JSON", '{"version": 1, "phases": {', /not JSON/],
    ["valid JSON with the wrong shape", JSON.stringify({ version: 1, phases: { bronze: { status: "exploded" } }, runs: [] }), /phases\.bronze\.status/],
    ["valid JSON of another version", JSON.stringify({ version: 2, phases: {}, runs: [] }), /version/],
    ["a JSON array", "[]", /top level/],
  ];

  it.each(cases)("%s: open refuses with StateCorruptError naming the file and the reason", async (_label, text, reason) => {
    const ws = temp.make();
    const file = writeStateFile(ws, text);
    const error = await rejection(StateStore.open(ws));
    expect(error).toBeInstanceOf(StateCorruptError);
    const corrupt = error as StateCorruptError;
    expect(corrupt.exitCode).toBe(2);
    expect(corrupt.file).toBe(file);
    expect(corrupt.message).toMatch(reason);
    expect(corrupt.message).toContain(corrupt.backup);
  });

  it.each(cases)("%s: a backup with identical bytes exists and the original is unchanged", async (_label, text) => {
    const ws = temp.make();
    const file = writeStateFile(ws, text);
    const before = readFileSync(file);
    const error = (await rejection(readState(file))) as StateCorruptError;
    expect(error).toBeInstanceOf(StateCorruptError);
    expect(path.dirname(error.backup)).toBe(path.dirname(file));
    expect(error.backup).not.toBe(file);
    expect(readFileSync(error.backup).equals(before)).toBe(true);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
