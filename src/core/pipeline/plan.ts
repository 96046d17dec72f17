/**
 * From the workload to the phases: bronze, then every step on every target, then the
 * report. A step depends on the last earlier step of the same target that changed what it
 * reads (bronze: the bronze phase), so a phase is up to date only if its inputs are.
 */
import { existsSync } from "node:fs";
import type { BenchConfig } from "../config/benchConfig";
import type { EngineSession } from "../engines";
import { removeOwned } from "../phase/ownedPaths";
import { phaseId, targetsOf, type EngineId, type TargetId } from "../phase/targets";
import { runBronzePhase } from "../phases/bronzePhase";
import type { PhaseDefinition } from "../phases/definition";
import { reportResultSchema, resultOf } from "../phases/results";
import { runReportPhase } from "../phases/reportPhase";
import { stepPhase } from "../phases/steps";
import type { Dataset, Workload } from "../workloads";

/** The engines opened for this run (those of its targets). */
export type EngineSessions = Partial<Record<EngineId, EngineSession>>;

export function planPhases(config: BenchConfig, workload: Workload, engines: EngineSessions): PhaseDefinition[] {
  const bronze: PhaseDefinition = {
    name: "bronze",
    kind: "bronze",
    dependsOn: [],
    needsAllDependencies: true,
    settings: (c) => ({ scaleFactor: c.scaleFactor }),
    outputPresent: (layout) => existsSync(layout.bronzeManifest),
    // A partial generation has no manifest; the phase itself regenerates it.
    removePartialOutput: async () => {},
    run: runBronzePhase,
  };
  const targets = targetsOf(config);
  // Step by step across targets: all loads, then all query sets (phases of a kind may run side by side).
  const lastChange = new Map(targets.map((t) => [t.id, new Map<Dataset, string>([["bronze", bronze.name]])]));
  const steps = workload.steps.flatMap((step) =>
    targets.map((target) => {
      const changes = lastChange.get(target.id)!;
      const engine = engines[target.engine];
      if (!engine) throw new Error(`no ${target.engine} engine was opened for ${target.id}`);
      const phase = stepPhase({ step, target, engine, dependsOn: [...new Set(step.reads.map((d) => changes.get(d)!))] });
      for (const dataset of step.changes) changes.set(dataset, phase.name);
      return phase;
    }),
  );
  const measured = steps.filter((p) => p.kind === "gold");
  // The report shows each target's load and its last query set.
  const phasesOf = (id: TargetId) => ({
    load: steps.find((p) => p.target?.id === id && p.kind === "silver")?.name ?? phaseId("load", id),
    queries: measured.filter((p) => p.target?.id === id).at(-1)?.name ?? phaseId("queries", id),
  });
  const report: PhaseDefinition = {
    name: "report",
    kind: "report",
    dependsOn: measured.map((p) => p.name),
    needsAllDependencies: false,
    settings: (c) => ({ formats: c.formats, workload: workload.id }),
    outputPresent: (_layout, state) => {
      const result = resultOf(state, reportResultSchema);
      return result !== undefined && existsSync(result.html);
    },
    removePartialOutput: async (layout, state) => {
      if (state.benchmarkId) await removeOwned(layout.reportDir(state.benchmarkId), layout.ownedRoots, { recursive: true });
    },
    run: (ctx) => runReportPhase(ctx, phasesOf, workload.id),
  };
  return [bronze, ...steps, report];
}
