/** Reads what a CLI run left in the workspace. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { StateFile } from "../../../src/core/state/schema";

export const stateFile = (workspace: string) => path.join(workspace, ".lakebench", "state.json");

export async function readStateFile(workspace: string): Promise<StateFile> {
  return JSON.parse(await fs.readFile(stateFile(workspace), "utf8")) as StateFile;
}

export function processGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
