import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resetState } from "../../../src/core/state/reset";
import type { StateFile } from "../../../src/core/state/schema";
import { readState, StateStore, stateFilePath } from "../../../src/core/state/store";
import { tempDirs } from "../helpers/fixtures";

const temp = tempDirs();
afterEach(() => temp.cleanup());

const existing: StateFile = {
  version: 2,
  phases: {
    bronze: { status: "completed", configHash: "h1", finishedAt: "2026-01-01T00:00:00.000Z" },
    "load@spark.iceberg": { status: "failed", error: "boom" },
  },
  runs: [
    {
      benchmarkId: "lb-20260101-000000-abcd",
      command: "run",
      startedAt: "2026-01-01T00:00:00.000Z",
      status: "completed",
      config: {},
      machine: {},
      phases: { bronze: "executed" },
    },
  ],
};

function workspaceWithState(text: string): { ws: string; file: string } {
  const ws = temp.make("lakebench-reset-");
  const file = stateFilePath(ws);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return { ws, file };
}

const backupsIn = (file: string) => readdirSync(path.dirname(file)).filter((n) => n.startsWith("state.json.") && n !== "state.json");

describe("resetState", () => {
  it("without history: sets every phase back to pending and keeps the run history", async () => {
    const { ws, file } = workspaceWithState(JSON.stringify(existing));
    const result = await resetState(ws, { history: false });
    expect(result.phasesReset.sort()).toEqual(["bronze", "load@spark.iceberg"]);
    const after = await readState(file);
    expect(after.phases).toEqual({});
    expect(after.runs).toEqual(existing.runs);
  });

  it("with history: starts a new empty state", async () => {
    const { ws, file } = workspaceWithState(JSON.stringify(existing));
    await resetState(ws, { history: true });
    expect(await readState(file)).toEqual({ version: 2, phases: {}, runs: [] });
  });

  it("backs up the previous state file byte for byte and reports where", async () => {
    const text = JSON.stringify(existing, null, 2);
    const { ws, file } = workspaceWithState(text);
    const result = await resetState(ws, { history: true });
    expect(result.backup).toBeDefined();
    expect(path.dirname(result.backup!)).toBe(path.dirname(file));
    expect(readFileSync(result.backup!, "utf8")).toBe(text);
  });

  it("on a version-1 file: resets the migrated phases, and its original bytes stay in the v1 backup", async () => {
    const v1 = { ...existing, version: 1, phases: { bronze: existing.phases.bronze, silver_iceberg: { status: "failed", error: "boom" } } };
    const text = JSON.stringify(v1);
    const { ws, file } = workspaceWithState(text);
    const result = await resetState(ws, { history: false });
    expect(result.phasesReset.sort()).toEqual(["bronze", "load@spark.iceberg"]);
    expect(await readState(file)).toEqual({ version: 2, phases: {}, runs: existing.runs });
    const v1Backups = backupsIn(file).filter((n) => n.startsWith("state.json.v1-"));
    expect(v1Backups).toHaveLength(1);
    expect(readFileSync(path.join(path.dirname(file), v1Backups[0]), "utf8")).toBe(text);
  });

  it("releases the run lock when done", async () => {
    const { ws } = workspaceWithState(JSON.stringify(existing));
    await resetState(ws, { history: false });
    expect(existsSync(path.join(ws, ".lakebench", "run.lock"))).toBe(false);
    // Opens at once: with the lock still held it would wait through the retries, then refuse.
    const store = await StateStore.open(ws);
    expect(store.snapshot.runs).toEqual(existing.runs);
    await store.close();
  });

  it("replaces a corrupt state file, keeping exactly one backup of its bytes, and says the history was not carried over", async () => {
    const { ws, file } = workspaceWithState("{ definitely not json");
    const result = await resetState(ws, { history: false });
    expect(await readState(file)).toEqual({ version: 2, phases: {}, runs: [] });
    expect(backupsIn(file)).toHaveLength(1);
    expect(result.backup).toBe(path.join(path.dirname(file), backupsIn(file)[0]));
    expect(result.corrupt).toEqual({ reason: expect.stringMatching(/not JSON/), backup: result.backup });
    expect(readFileSync(result.backup!, "utf8")).toBe("{ definitely not json");
  });

  it("does not report a corrupt file when the old one was valid", async () => {
    const { ws } = workspaceWithState(JSON.stringify(existing));
    expect((await resetState(ws, { history: false })).corrupt).toBeUndefined();
  });

  it("backs up the same content once, however often it is reset", async () => {
    const { ws, file } = workspaceWithState(JSON.stringify(existing));
    await resetState(ws, { history: true });
    writeFileSync(file, JSON.stringify(existing));
    await resetState(ws, { history: true });
    expect(backupsIn(file)).toHaveLength(1); // the same bytes twice: one backup
    await resetState(ws, { history: true }); // now the empty state the reset wrote: a second backup
    await resetState(ws, { history: true }); // the empty state again: no third
    expect(backupsIn(file)).toHaveLength(2);
  });

  it("refuses a workspace that does not exist, creating nothing", async () => {
    const missing = path.join(temp.make("lakebench-reset-"), "missing");
    await expect(resetState(missing, { history: false })).rejects.toMatchObject({ exitCode: 2, problem: "missing-workspace" });
    expect(existsSync(missing)).toBe(false);
  });

  it("refuses a state.json that is a symbolic link and leaves the link's target untouched", async () => {
    const ws = temp.make("lakebench-reset-");
    const target = path.join(temp.make("lakebench-reset-"), "precious.json");
    writeFileSync(target, JSON.stringify(existing));
    mkdirSync(path.join(ws, ".lakebench"));
    symlinkSync(target, stateFilePath(ws));
    await expect(resetState(ws, { history: true })).rejects.toMatchObject({ exitCode: 2, problem: "symlink" });
    expect(readFileSync(target, "utf8")).toBe(JSON.stringify(existing));
  });

  it("on a workspace without a state file, reports no phases and only a backup that exists", async () => {
    const ws = temp.make("lakebench-reset-");
    const result = await resetState(ws, { history: false });
    expect(result.phasesReset).toEqual([]);
    expect(existsSync(stateFilePath(ws))).toBe(true);
    if (result.backup !== undefined) expect(existsSync(result.backup)).toBe(true);
  });
});
