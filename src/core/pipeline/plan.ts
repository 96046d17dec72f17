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
import { runRefreshDataPhase } from "../phases/refreshDataPhase";
import type { PhaseDefinition } from "../phases/definition";
import { reportResultSchema, resultOf } from "../phases/results";
import { runReportPhase } from "../phases/reportPhase";
import { refreshSetsFor, stepPhase } from "../phases/steps";
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
  // TPC-H's refresh sets, generated once beside bronze when a step reads them.
  const refreshData: PhaseDefinition = {
    name: "refresh-data",
    kind: "bronze",
    dependsOn: [bronze.name],
    needsAllDependencies: true,
    settings: (c) => ({ scaleFactor: c.scaleFactor, sets: refreshSetsFor(workload, c) }),
    outputPresent: (layout) => existsSync(layout.refreshManifest),
    // Sets are written to a temporary directory and renamed into place: a partial one is never there.
    removePartialOutput: async () => {},
    run: (ctx) => runRefreshDataPhase(ctx, refreshSetsFor(workload, ctx.config)),
  };
  const generated = workload.steps.some((s) => s.reads.includes("refresh-sets")) ? [bronze, refreshData] : [bronze];
  const targets = targetsOf(config);
  // Step by step across targets: all loads, then all query sets (phases of a kind may run side by side).
  const lastChange = new Map(targets.map((t) => [t.id, new Map<Dataset, string>([["bronze", bronze.name], ["refresh-sets", refreshData.name]])]));
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
  // The report shows each target's load, its last query set and its last refresh test.
  const phasesOf = (id: TargetId) => ({
    load: steps.find((p) => p.target?.id === id && p.kind === "silver")?.name ?? phaseId("load", id),
    queries: measured.filter((p) => p.target?.id === id && p.stepKind === "query-set").at(-1)?.name ?? phaseId("queries", id),
    qphh: measured.filter((p) => p.target?.id === id && p.stepKind === "refresh-test").at(-1)?.name,
    lifecycle: measured.filter((p) => p.target?.id === id && p.stepKind === "lifecycle").at(-1)?.name,
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
  return [...generated, ...steps, report];
}
