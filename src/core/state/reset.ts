/**
 * Resets the workspace state: every phase back to pending (run history kept), or with
 * `history` a new empty state. The old file is always kept as a timestamped backup.
 */
import { promises as fs } from "node:fs";
import { StateCorruptError } from "./errors";
import { emptyState } from "./schema";
import { StateStore } from "./store";

export interface ResetResult {
  backup?: string;
  phasesReset: string[];
}

export async function resetState(workspace: string, options: { history: boolean }): Promise<ResetResult> {
  const { store, backup } = await openReplacingCorrupt(workspace);
  try {
    const state = store.snapshot;
    const copy = backup ?? (await backUp(store.file));
    await store.replace(options.history ? emptyState() : { ...state, phases: {} });
    return { backup: copy, phasesReset: Object.keys(state.phases) };
  } finally {
    await store.close();
  }
}

async function openReplacingCorrupt(workspace: string): Promise<{ store: StateStore; backup?: string }> {
  try {
    return { store: await StateStore.open(workspace) };
  } catch (error) {
    if (!(error instanceof StateCorruptError)) throw error;
    await fs.rm(error.file); // readState kept its bytes in error.backup
    return { store: await StateStore.open(workspace), backup: error.backup };
  }
}

/** A timestamped copy of the state file, or undefined when there was no file. */
async function backUp(file: string): Promise<string | undefined> {
  const copy = `${file}.bak-${timestamp()}`;
  try {
    await fs.copyFile(file, copy);
    return copy;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

const timestamp = () => new Date().toISOString().replace(/[:.]/g, "-");
