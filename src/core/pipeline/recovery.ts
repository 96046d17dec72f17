/**
 * Recovery of phases left "running" by a run that died (kill -9, power loss). Called while
 * holding the run lock, so no live run owns them: stop an orphaned child when it provably
 * is the one recorded, remove the partial output (inside the owned trees only), remove
 * secret files left by dead runs, and mark the phase failed so the next run redoes it.
 */
import type { Engine } from "../engines";
import type { DataLayout } from "../phase/layout";
import type { PhaseDefinition } from "../phases/definition";
import { stopRecordedGroup } from "../runners/processes";
import type { StateStore } from "../state/store";

export interface RecoveredPhase {
  name: string;
  /** One line for the progress output. */
  message: string;
}

export async function recoverStalePhases(
  store: StateStore,
  layout: DataLayout,
  phases: PhaseDefinition[],
  engines: readonly Pick<Engine, "removeLeftovers">[],
): Promise<RecoveredPhase[]> {
  const recovered: RecoveredPhase[] = [];
  for (const [name, state] of Object.entries(store.snapshot.phases)) {
    if (state.status !== "running") continue;
    const child = state.childPid === undefined ? undefined : stopRecordedGroup(state.childPid, state.childIdentity);
    await phases.find((p) => p.name === name)?.removePartialOutput(layout, state);
    const childNote = child ? ` ${child.note}` : "";
    await store.setPhase(name, {
      ...state,
      status: "failed",
      finishedAt: new Date().toISOString(),
      pid: undefined,
      childPid: undefined,
      childIdentity: undefined,
      error: `Interrupted: the run that started it (pid ${state.pid ?? "unknown"}) is gone; its partial output was removed.${childNote}`,
    });
    const leftRunning = child?.outcome === "left" ? ` (${child.note})` : "";
    recovered.push({ name, message: `${name}: found interrupted by an earlier run; marked failed and cleaned${leftRunning}` });
  }
  for (const run of store.snapshot.runs.filter((r) => r.status === "running")) {
    await store.updateRun(run.benchmarkId, (r) => {
      r.status = "failed";
      r.summary = { ...r.summary, error: "Interrupted: the process running it is gone." };
    });
  }
  for (const engine of engines) await engine.removeLeftovers(layout);
  return recovered;
}
