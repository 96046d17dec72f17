/** A read-only view of the workspace state for `lakebench status` and the extension: it writes nothing. */
import { StatePathError } from "../state/errors";
import { lstatIfPresent } from "../state/stateFiles";
import { readState, stateFilePath } from "../state/store";
import type { PhaseState, RunRecord } from "../state/schema";

export interface StatusView {
  stateFile: string;
  phases: Record<string, PhaseState>;
  lastRun?: RunRecord;
  runs: number;
}

export async function readStatus(workspace: string): Promise<StatusView> {
  if (!(await lstatIfPresent(workspace))) throw new StatePathError(workspace, "missing-workspace");
  const file = stateFilePath(workspace);
  const state = await readState(file);
  return { stateFile: file, phases: state.phases, lastRun: state.runs.at(-1), runs: state.runs.length };
}
