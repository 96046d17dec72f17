import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../../src/cli/main";
import { StateCorruptError } from "../../../src/core/state/errors";
import { StateStore, stateFilePath } from "../../../src/core/state/store";
import { readStatus } from "../../../src/core/status/statusReport";
import { rejection } from "../helpers/async";
import { tempDirs } from "../helpers/fixtures";

const temp = tempDirs();
afterEach(() => temp.cleanup());

const runRecord = (benchmarkId: string) => ({
  benchmarkId,
  command: "run",
  startedAt: "2026-01-01T00:00:00.000Z",
  status: "completed" as const,
  config: {},
  machine: {},
  phases: {},
});

describe("readStatus", () => {
  it("shows an empty state for a new workspace", async () => {
    const ws = temp.make();
    expect(await readStatus(ws)).toEqual({ stateFile: stateFilePath(ws), phases: {}, lastRun: undefined, runs: 0 });
  });

  it("shows the phases, the number of runs and the last run", async () => {
    const ws = temp.make();
    const store = await StateStore.open(ws);
    await store.setPhase("bronze", { status: "completed" });
    await store.addRun(runRecord("lb-20260101-000000-0001"));
    await store.addRun(runRecord("lb-20260101-000000-0002"));
    await store.close();
    const status = await readStatus(ws);
    expect(status.phases).toEqual({ bronze: { status: "completed" } });
    expect(status.runs).toBe(2);
    expect(status.lastRun?.benchmarkId).toBe("lb-20260101-000000-0002");
  });

  it("reads the state while a run holds the lock, without taking or waiting for it", async () => {
    const ws = temp.make();
    const store = await StateStore.open(ws);
    try {
      await store.setPhase("silver_iceberg", { status: "running", pid: process.pid });
      const lockDir = path.join(ws, ".lakebench", "run.lock");
      const lockBefore = statSync(lockDir).mtimeMs;
      // With timers faked, a status that waited on the lock's retry timers would never settle.
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
      let status: Awaited<ReturnType<typeof readStatus>>;
      try {
        status = await readStatus(ws);
      } finally {
        vi.useRealTimers();
      }
      expect(status.phases.silver_iceberg.status).toBe("running");
      expect(statSync(lockDir).mtimeMs).toBe(lockBefore);
      expect(readdirSync(path.join(ws, ".lakebench")).sort()).toEqual(["run.lock", "run.lock.owner.json", "state.json"]);
    } finally {
      await store.close();
    }
  });

  it("refuses a corrupt state file with StateCorruptError (exit 2) and writes no backup, however often it is called", async () => {
    const ws = temp.make();
    const dir = path.dirname(stateFilePath(ws));
    mkdirSync(dir, { recursive: true });
    writeFileSync(stateFilePath(ws), "nope");
    for (let i = 0; i < 6; i++) {
      const error = await rejection(readStatus(ws));
      expect(error).toBeInstanceOf(StateCorruptError);
      expect((error as StateCorruptError).exitCode).toBe(2);
    }
    expect(readdirSync(dir)).toEqual(["state.json"]);
    expect(readFileSync(stateFilePath(ws), "utf8")).toBe("nope");
  });

  it("refuses a workspace that does not exist, creating nothing", async () => {
    const missing = path.join(temp.make(), "missing");
    expect(await rejection(readStatus(missing))).toMatchObject({ exitCode: 2, problem: "missing-workspace" });
    expect(existsSync(missing)).toBe(false);
  });
});

describe("lakebench status and reset on a corrupt state (the CLI)", () => {
  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...line: unknown[]) => void out.push(line.join(" ")));
    vi.spyOn(console, "error").mockImplementation((...line: unknown[]) => void err.push(line.join(" ")));
    try {
      return { code: await main(["node", "lakebench", ...args]), out: out.join("\n"), err: err.join("\n") };
    } finally {
      vi.restoreAllMocks();
    }
  };

  it("status six times: exit 2 with a clear message each time, and no backup; reset then says what was lost and where the backup is", async () => {
    const ws = temp.make();
    const dir = path.dirname(stateFilePath(ws));
    mkdirSync(dir, { recursive: true });
    writeFileSync(stateFilePath(ws), "{ broken");
    for (let i = 0; i < 6; i++) {
      const { code, err } = await cli("status", "--workspace", ws);
      expect(code).toBe(2);
      expect(err).toMatch(/is corrupt \(not JSON/);
    }
    expect(readdirSync(dir)).toEqual(["state.json"]);

    const reset = await cli("reset", "--workspace", ws);
    expect(reset.code).toBe(0);
    const backups = readdirSync(dir).filter((n) => n.startsWith("state.json.corrupt-"));
    expect(backups).toHaveLength(1);
    expect(reset.out).toMatch(/run history were not carried over/);
    expect(reset.out).toContain(path.join(dir, backups[0]));
    expect(readFileSync(path.join(dir, backups[0]), "utf8")).toBe("{ broken");
  });

  it("reset --workspace <missing dir>: exit 2 and the directory is not created", async () => {
    const missing = path.join(temp.make(), "missing");
    const { code, err } = await cli("reset", "--workspace", missing);
    expect(code).toBe(2);
    expect(err).toContain(`${missing} does not exist`);
    expect(existsSync(missing)).toBe(false);
  });

  it("status on a .lakebench that is a file: exit 2 and a message, not a raw ENOTDIR", async () => {
    const ws = temp.make();
    writeFileSync(path.join(ws, ".lakebench"), "");
    const { code, err } = await cli("status", "--workspace", ws);
    expect(code).toBe(2);
    expect(err).toMatch(/\.lakebench is not a directory/);
    expect(err).not.toMatch(/ENOTDIR/);
  });
});
