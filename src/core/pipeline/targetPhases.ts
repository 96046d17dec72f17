/**
 * The phases of a configuration by target, without opening an engine: what the tree and
 * the status show. Uses the same ids as the plan (phaseId of each workload step).
 */
import type { FormatId, WorkloadId } from "../config/keys";
import { phaseId, targetsOf, type Target } from "../phase/targets";
import type { PhaseKind } from "../phases/definition";
import { STEP_LAYERS } from "../phases/steps";
import { loadWorkload, type StepKind, type Workload } from "../workloads";

export interface PlannedTarget {
  target: Target;
  /** In workload order: the state key, its layer, its step and the step's kind. */
  phases: { name: string; kind: PhaseKind; step: string; stepKind: StepKind }[];
}

export function targetPhases(config: { formats: readonly FormatId[]; workload?: WorkloadId }, workload: Workload = loadWorkload(config.workload)): PlannedTarget[] {
  return targetsOf(config).map((target) => ({
    target,
    phases: workload.steps.map((step) => ({ name: phaseId(step.id, target), kind: STEP_LAYERS[step.kind], step: step.id, stepKind: step.kind })),
  }));
}
