/**
 * The phase each kind of workload step becomes on a target. Adding a step kind: its
 * schema in workloads/schema.ts, its phase module here beside loadPhase.ts, an entry below.
 */
import { existsSync } from "node:fs";
import type { BenchConfig } from "../config/benchConfig";
import type { EngineSession } from "../engines";
import { formatOptions } from "../formats";
import { phaseId, type Target } from "../phase/targets";
import type { StepKind, Workload, WorkloadStep } from "../workloads";
import type { PhaseDefinition, PhaseKind } from "./definition";
import { lifecycleSetsNeeded, removeLifecycleOutputs, runLifecyclePhase } from "./lifecyclePhase";
import { removeLoadOutputs, runLoadPhase } from "./loadPhase";
import { refreshSetsNeeded, removeQphhOutputs, runQphhPhase } from "./qphhPhase";
import { removeQueryOutputs, runQueriesPhase } from "./queriesPhase";
import { lifecycleResultSchema, qphhResultSchema, queriesResultSchema, resultOf } from "./results";

export interface StepPlan {
  step: WorkloadStep;
  target: Target;
  engine: EngineSession;
  /** The phases whose output this step reads (bronze, or the target's last change to its tables). */
  dependsOn: string[];
}

/** The layer each step kind fills (what `lakebench silver` or `gold` selects). */
export const STEP_LAYERS: Readonly<Record<StepKind, PhaseKind>> = { load: "silver", "query-set": "gold", "refresh-test": "gold", lifecycle: "gold" };

type StepPhase = Omit<PhaseDefinition, "name" | "kind" | "step" | "target" | "dependsOn" | "needsAllDependencies">;

const STEP_PHASES: Record<StepKind, (plan: StepPlan) => StepPhase> = {
  load: ({ target, engine }) => ({
    settings: (c: BenchConfig) => ({ format: target.format, codec: c.parquetCodec, options: formatOptions(target.format, c), engine: engine.measurementSettings() }),
    outputPresent: (layout) => existsSync(layout.silverLoadResult(target.format)),
    removePartialOutput: (layout) => removeLoadOutputs(layout, target),
    run: (ctx) => runLoadPhase(ctx, engine, target),
  }),
  "query-set": ({ target, engine }) => ({
    settings: (c: BenchConfig) => ({ queries: c.queries, warmupRuns: c.warmupRuns, iterations: c.iterations, auto: c.autoIterations, engine: engine.measurementSettings() }),
    outputPresent: (_layout, state) => {
      const result = resultOf(state, queriesResultSchema);
      return result !== undefined && existsSync(result.metricsFile);
    },
    removePartialOutput: async (layout, state) => {
      if (state.benchmarkId) await removeQueryOutputs(layout, state.benchmarkId, target);
    },
    run: (ctx) => runQueriesPhase(ctx, engine, target),
  }),
  "refresh-test": ({ target, engine }) => ({
    settings: (c: BenchConfig) => ({ streams: c.throughputStreams, parameters: c.queryParameters, codec: c.parquetCodec, options: formatOptions(target.format, c), engine: engine.measurementSettings() }),
    outputPresent: (_layout, state) => {
      const result = resultOf(state, qphhResultSchema);
      return result !== undefined && existsSync(result.metricsFile);
    },
    removePartialOutput: async (layout, state) => {
      if (state.benchmarkId) await removeQphhOutputs(layout, state.benchmarkId, target);
    },
    run: (ctx) => runQphhPhase(ctx, engine, target),
  }),
  lifecycle: ({ target, engine }) => ({
    settings: (c: BenchConfig) => ({ rounds: c.lifecycleRounds, queries: c.queries, warmupRuns: c.warmupRuns, codec: c.parquetCodec, options: formatOptions(target.format, c), engine: engine.measurementSettings() }),
    outputPresent: (_layout, state) => {
      const result = resultOf(state, lifecycleResultSchema);
      return result !== undefined && existsSync(result.metricsFile);
    },
    removePartialOutput: async (layout, state) => {
      if (state.benchmarkId) await removeLifecycleOutputs(layout, state.benchmarkId, target);
    },
    run: (ctx) => runLifecyclePhase(ctx, engine, target),
  }),
};

/** The refresh sets a step kind needs (step kinds that read no refresh sets need none). */
const STEP_REFRESH_SETS: Partial<Record<StepKind, (c: BenchConfig) => number>> = {
  "refresh-test": (c) => refreshSetsNeeded(c.throughputStreams),
  lifecycle: (c) => lifecycleSetsNeeded(c.lifecycleRounds),
};

/** The refresh sets a workload's steps need: the most any of them reads. */
export function refreshSetsFor(workload: Workload, config: BenchConfig): number {
  return Math.max(0, ...workload.steps.map((step) => STEP_REFRESH_SETS[step.kind]?.(config) ?? 0));
}

export function stepPhase(plan: StepPlan): PhaseDefinition {
  const { step, target, dependsOn } = plan;
  return { name: phaseId(step.id, target), kind: STEP_LAYERS[step.kind], step: step.id, stepKind: step.kind, target, dependsOn, needsAllDependencies: true, ...STEP_PHASES[step.kind](plan) };
}
