/**
 * Resets the workspace state: every phase back to pending (run history kept), or with
 * `history` a new empty state. The old file is kept as a backup named by its content; a
 * corrupt one cannot carry its history over, and the result says so.
 */
import { backUpOnce } from "./backup";
import { emptyState } from "./schema";
import { readStateBytes } from "./stateFiles";
import { StateStore, type ReplacedCorruptState } from "./store";

export interface ResetResult {
  backup?: string;
  phasesReset: string[];
  /** Set when the old file was corrupt: nothing of it (phases, run history) was carried over. */
  corrupt?: ReplacedCorruptState;
}

export async function resetState(workspace: string, options: { history: boolean }): Promise<ResetResult> {
  const store = await StateStore.open(workspace, { command: "reset", replaceCorrupt: true });
  try {
    const state = store.snapshot;
    const corrupt = store.replacedCorrupt;
    const backup = corrupt?.backup ?? (await backUpCurrent(store.file));
    await store.replace(options.history ? emptyState() : { ...state, phases: {} });
    return { backup, phasesReset: Object.keys(state.phases), corrupt };
  } finally {
    await store.close();
  }
}

/** A copy of the valid state file about to be replaced, or undefined when there was none. */
async function backUpCurrent(file: string): Promise<string | undefined> {
  const bytes = await readStateBytes(file);
  return bytes && backUpOnce(file, bytes, "bak");
}
