import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LIFECYCLE_CHECKPOINT, resumeDecision } from "../../../src/core/phases/lifecycleCheckpoint";

const KEY = "3d2479c4815d0963";
const dirs: string[] = [];

/** A work root holding the checkpoint the job would write (spark-jobs/lifecycle/run_lifecycle.py). */
async function workRoot(checkpoint?: unknown): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lakebench-checkpoint-"));
  dirs.push(dir);
  if (checkpoint !== undefined) {
    const text = typeof checkpoint === "string" ? checkpoint : JSON.stringify(checkpoint);
    await fs.writeFile(path.join(dir, LIFECYCLE_CHECKPOINT), text);
  }
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe("resumeDecision", () => {
  it("resumes after the checkpoint's round when it carries this phase's key and the rounds were not over", async () => {
    const dir = await workRoot({ key: KEY, stage: "rounds", rounds_done: 1, record: {} });
    expect(await resumeDecision(dir, KEY, 2)).toEqual({ resume: true, afterRound: 1 });
  });

  it("starts afresh, without a reason to give, when there is no copy or it was killed before round 0's end", async () => {
    expect(await resumeDecision(path.join(os.tmpdir(), "lakebench-no-such-work-root"), KEY, 2)).toEqual({ resume: false });
    expect(await resumeDecision(await workRoot(), KEY, 2)).toEqual({ resume: false });
  });

  it("starts afresh and says why for a copy of other settings, one interrupted in maintenance, or past the rounds asked for", async () => {
    const other = await workRoot({ key: "another", stage: "rounds", rounds_done: 1 });
    expect(await resumeDecision(other, KEY, 2)).toEqual({ resume: false, why: expect.stringContaining("other settings") });
    const maintaining = await workRoot({ key: KEY, stage: "maintenance", rounds_done: 2 });
    expect(await resumeDecision(maintaining, KEY, 2)).toEqual({ resume: false, why: expect.stringContaining("maintenance") });
    const past = await workRoot({ key: KEY, stage: "rounds", rounds_done: 5 });
    expect(await resumeDecision(past, KEY, 2)).toEqual({ resume: false, why: "it is past round 2" });
  });

  it("starts afresh on a checkpoint it cannot read or does not know", async () => {
    expect(await resumeDecision(await workRoot("{ half-written"), KEY, 2)).toMatchObject({ resume: false, why: expect.stringContaining("unreadable") });
    expect(await resumeDecision(await workRoot({ key: KEY, stage: "later", rounds_done: 1 }), KEY, 2)).toMatchObject({ resume: false, why: expect.stringContaining("not one this version writes") });
  });
});
