/** What each run command asks core's pipeline for: the phase kinds, force, and a subset of formats. */
import type { Framework } from "../../core/config/keys";
import type { PhaseKind } from "../../core/pipeline/phases";

export interface RunRequest {
  /** Shown in the progress notification, the status bar and when a second run is refused. */
  title: string;
  /** Stored with the run record, as the CLI stores its command name. */
  command: string;
  /** Phase kinds asked for; core runs what they depend on when it is not up to date. */
  targets: PhaseKind[];
  force: boolean;
  /** Only these formats (one format's phase from the tree); default: the configured ones. */
  frameworks?: Framework[];
}

const ALL_PHASES: PhaseKind[] = ["bronze", "silver", "gold", "report"];

export const PIPELINE_REQUESTS = {
  benchmark: { title: "Lakehouse benchmark", command: "run", targets: ALL_PHASES, force: false },
  bronze: { title: "Generate data (bronze)", command: "bronze", targets: ["bronze"], force: false },
  silver: { title: "Convert to lakehouse formats (silver)", command: "silver", targets: ["silver"], force: false },
  gold: { title: "Run TPC-H queries (gold)", command: "gold", targets: ["gold"], force: false },
  report: { title: "Generate report", command: "report", targets: ["report"], force: false },
} satisfies Record<string, RunRequest>;

/** The phase a tree item stands for: a kind, and for silver/gold leaves one format. */
export interface PhaseTarget {
  kind: PhaseKind;
  framework?: Framework;
}

export function phaseRequest(target: PhaseTarget, force: boolean): RunRequest {
  const name = target.framework ? `${target.kind}_${target.framework}` : target.kind;
  return {
    title: `${force ? "Force rerun" : "Run"} ${name}`,
    command: target.kind,
    targets: [target.kind],
    force,
    frameworks: target.framework ? [target.framework] : undefined,
  };
}
