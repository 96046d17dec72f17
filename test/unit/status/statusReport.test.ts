import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StateCorruptError } from "../../../src/core/state/errors";
import { StateStore, stateFilePath } from "../../../src/core/state/store";
import { readStatus } from "../../../src/core/status/statusReport";
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
    await store.addRun(runRecord("lb-1"));
    await store.addRun(runRecord("lb-2"));
    await store.close();
    const status = await readStatus(ws);
    expect(status.phases).toEqual({ bronze: { status: "completed" } });
    expect(status.runs).toBe(2);
    expect(status.lastRun?.benchmarkId).toBe("lb-2");
  });

  it("reads the state while a run holds the lock, without waiting for it", async () => {
    const ws = temp.make();
    const store = await StateStore.open(ws);
    try {
      await store.setPhase("silver_iceberg", { status: "running", pid: 1 });
      const started = Date.now();
      const status = await readStatus(ws);
      expect(Date.now() - started).toBeLessThan(500);
      expect(status.phases.silver_iceberg.status).toBe("running");
    } finally {
      await store.close();
    }
  });

  it("refuses a corrupt state file with StateCorruptError", async () => {
    const ws = temp.make();
    mkdirSync(path.dirname(stateFilePath(ws)), { recursive: true });
    writeFileSync(stateFilePath(ws), "nope");
    await expect(readStatus(ws)).rejects.toBeInstanceOf(StateCorruptError);
  });
});
