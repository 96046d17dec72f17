import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resetState } from "../../../src/core/state/reset";
import type { StateFile } from "../../../src/core/state/schema";
import { readState, StateStore, stateFilePath } from "../../../src/core/state/store";
import { tempDirs } from "../helpers/fixtures";

const temp = tempDirs();
afterEach(() => temp.cleanup());

const existing: StateFile = {
  version: 1,
  phases: {
    bronze: { status: "completed", configHash: "h1", finishedAt: "2026-01-01T00:00:00.000Z" },
    silver_iceberg: { status: "failed", error: "boom" },
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
    expect(result.phasesReset.sort()).toEqual(["bronze", "silver_iceberg"]);
    const after = await readState(file);
    expect(after.phases).toEqual({});
    expect(after.runs).toEqual(existing.runs);
  });

  it("with history: starts a new empty state", async () => {
    const { ws, file } = workspaceWithState(JSON.stringify(existing));
    await resetState(ws, { history: true });
    expect(await readState(file)).toEqual({ version: 1, phases: {}, runs: [] });
  });

  it("backs up the previous state file byte for byte and reports where", async () => {
    const text = JSON.stringify(existing, null, 2);
    const { ws, file } = workspaceWithState(text);
    const result = await resetState(ws, { history: true });
    expect(result.backup).toBeDefined();
    expect(path.dirname(result.backup!)).toBe(path.dirname(file));
    expect(readFileSync(result.backup!, "utf8")).toBe(text);
  });

  it("releases the run lock when done", async () => {
    const { ws } = workspaceWithState(JSON.stringify(existing));
    await resetState(ws, { history: false });
    const store = await StateStore.open(ws); // would be refused with StateLockedError otherwise
    await store.close();
  });

  it("replaces a corrupt state file, keeping exactly one backup of its bytes", async () => {
    const { ws, file } = workspaceWithState("{ definitely not json");
    const result = await resetState(ws, { history: false });
    expect(await readState(file)).toEqual({ version: 1, phases: {}, runs: [] });
    expect(backupsIn(file)).toHaveLength(1);
    expect(result.backup).toBe(path.join(path.dirname(file), backupsIn(file)[0]));
    expect(readFileSync(result.backup!, "utf8")).toBe("{ definitely not json");
  });

  it("on a workspace without a state file, reports no phases and only a backup that exists", async () => {
    const ws = temp.make("lakebench-reset-");
    const result = await resetState(ws, { history: false });
    expect(result.phasesReset).toEqual([]);
    expect(existsSync(stateFilePath(ws))).toBe(true);
    if (result.backup !== undefined) expect(existsSync(result.backup)).toBe(true);
  });
});
