/** Reads what a CLI run left in the workspace. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { StateFile } from "../../../src/core/state/schema";

export const stateFile = (workspace: string) => path.join(workspace, ".lakebench", "state.json");

export async function readStateFile(workspace: string): Promise<StateFile> {
  return JSON.parse(await fs.readFile(stateFile(workspace), "utf8")) as StateFile;
}

/** The parent of a live process, from /proc (undefined once it is gone). */
export async function parentPid(pid: number): Promise<number | undefined> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
  // "<pid> (<command>) <state> <ppid> ...": the command may hold spaces, so read after its last ")".
  return stat === undefined ? undefined : Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

export function processGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
