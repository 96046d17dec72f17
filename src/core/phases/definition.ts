/**
 * A phase as data: what it depends on, which settings make its output different (its
 * config hash), how to tell its output is still there, and how to remove a partial one.
 * The pipeline plans them from the workload (pipeline/plan.ts) and walks them in order.
 */
import type { BenchConfig } from "../config/benchConfig";
import type { PhaseContext } from "../phase/context";
import type { DataLayout } from "../phase/layout";
import type { Target } from "../phase/targets";
import type { PhaseState } from "../state/schema";
import type { StepKind } from "../workloads";

/** The layer a phase fills: what `lakebench silver|gold|report` asks for. */
export const PHASE_KINDS = ["bronze", "silver", "gold", "report"] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export interface PhaseDefinition {
  /** The state key: `bronze`, `<step>@<target>` (load@spark.iceberg), `report`. */
  name: string;
  kind: PhaseKind;
  /** The workload step it does (absent for bronze and report). */
  step?: string;
  /** Its workload step's kind (the report tells a query set from a refresh test by it). */
  stepKind?: StepKind;
  target?: Target;
  dependsOn: string[];
  /** Report runs with whatever query phases completed; others need all dependencies. */
  needsAllDependencies: boolean;
  /** The settings that change this phase's output. */
  settings(config: BenchConfig): unknown;
  /** Whether the output a completed state entry points to is still on disk. */
  outputPresent(layout: DataLayout, state: PhaseState): boolean;
  removePartialOutput(layout: DataLayout, state: PhaseState): Promise<void>;
  run(ctx: PhaseContext): Promise<Record<string, unknown>>;
}
