/** Progress the pipeline reports to its shell (CLI lines, VS Code progress). */
import type { PhaseOutcome } from "../state/schema";

export type ProgressEvent =
  | { type: "phase-start"; phase: string }
  | { type: "phase-end"; phase: string; outcome: PhaseOutcome; seconds?: number; error?: string }
  | { type: "message"; phase: string; message: string };

export type ProgressListener = (event: ProgressEvent) => void;
