/** What each run command asks core's pipeline for: the phase kinds, force, and a subset of formats. */
import type { FormatId, PhaseKind, Target } from "../../core";

export interface RunRequest {
  /** Shown in the progress notification, the status bar and when a second run is refused. */
  title: string;
  /** Stored with the run record, as the CLI stores its command name. */
  command: string;
  /** Phase kinds asked for; core runs what they depend on when it is not up to date. */
  targets: PhaseKind[];
  force: boolean;
  /** Only these formats (one target's phase from the tree); default: the configured ones. */
  formats?: FormatId[];
}

const ALL_PHASES: PhaseKind[] = ["bronze", "silver", "gold", "report"];

export const PIPELINE_REQUESTS = {
  benchmark: { title: "Lakehouse benchmark", command: "run", targets: ALL_PHASES, force: false },
  bronze: { title: "Generate data (bronze)", command: "bronze", targets: ["bronze"], force: false },
  silver: { title: "Convert to lakehouse formats (silver)", command: "silver", targets: ["silver"], force: false },
  gold: { title: "Run TPC-H queries (gold)", command: "gold", targets: ["gold"], force: false },
  report: { title: "Generate report", command: "report", targets: ["report"], force: false },
} satisfies Record<string, RunRequest>;

/** The phase a tree item stands for: a kind, its state key, and for silver/gold leaves its target. */
export interface TreePhase {
  kind: PhaseKind;
  /** The phase id (load@spark.iceberg); bronze and report leaves: the kind. */
  phase?: string;
  target?: Target;
}

export function phaseRequest(phase: TreePhase, force: boolean): RunRequest {
  return {
    title: `${force ? "Force rerun" : "Run"} ${phase.phase ?? phase.kind}`,
    command: phase.kind,
    targets: [phase.kind],
    force,
    // Today every target is on Spark, so the target's format selects it; a second engine adds an engine filter here.
    formats: phase.target ? [phase.target.format] : undefined,
  };
}
