/**
 * Who holds the run lock, in a file beside it (run.lock.owner.json): proper-lockfile's lock
 * is an empty directory, and a refused run should say which run it waits for.
 */
import path from "node:path";
import { promises as fs } from "node:fs";
import writeFileAtomic from "write-file-atomic";
import { assertWritableFile, readStateBytes } from "./stateFiles";

import type { LockOwner } from "./errors";

export type { LockOwner };

export const LOCK_NAME = "run.lock";
const OWNER_NAME = "run.lock.owner.json";

export async function writeLockOwner(stateDir: string, owner: LockOwner): Promise<void> {
  const file = path.join(stateDir, OWNER_NAME);
  await assertWritableFile(file);
  await writeFileAtomic(file, JSON.stringify(owner) + "\n");
}

/** The holder as it recorded itself; undefined when unknown (not written yet, unreadable, garbled). */
export async function readLockOwner(stateDir: string): Promise<LockOwner | undefined> {
  try {
    const bytes = await readStateBytes(path.join(stateDir, OWNER_NAME));
    const owner = bytes && (JSON.parse(bytes.toString("utf8")) as Partial<LockOwner>);
    if (owner && typeof owner.pid === "number" && typeof owner.command === "string" && typeof owner.since === "string") {
      return { pid: owner.pid, command: owner.command, since: owner.since };
    }
  } catch {
    /* only informative */
  }
  return undefined;
}

export async function removeLockOwner(stateDir: string): Promise<void> {
  await fs.rm(path.join(stateDir, OWNER_NAME), { force: true });
}
