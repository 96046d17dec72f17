/**
 * Recovery of phases left "running" by a run that died (kill -9, power loss). Called while
 * holding the run lock, so no live run owns them: stop any orphaned child, remove the
 * partial output, and mark the phase failed so the next run redoes it.
 */
import { isAlive, signalGroup } from "../runners/processes";
import type { StateStore } from "../state/store";
import type { DataLayout } from "./layout";
import type { PhaseDefinition } from "./phases";

export async function recoverStalePhases(store: StateStore, layout: DataLayout, phases: PhaseDefinition[]): Promise<string[]> {
  const recovered: string[] = [];
  for (const [name, state] of Object.entries(store.snapshot.phases)) {
    if (state.status !== "running") continue;
    if (state.childPid !== undefined && isAlive(state.childPid)) signalGroup(state.childPid, "SIGKILL");
    await phases.find((p) => p.name === name)?.removePartialOutput(layout, state);
    await store.setPhase(name, {
      ...state,
      status: "failed",
      finishedAt: new Date().toISOString(),
      pid: undefined,
      childPid: undefined,
      error: `Interrupted: the run that started it (pid ${state.pid ?? "unknown"}) is gone; its partial output was removed.`,
    });
    recovered.push(name);
  }
  for (const run of store.snapshot.runs.filter((r) => r.status === "running")) {
    await store.updateRun(run.benchmarkId, (r) => {
      r.status = "failed";
      r.summary = { ...r.summary, error: "Interrupted: the process running it is gone." };
    });
  }
  return recovered;
}
