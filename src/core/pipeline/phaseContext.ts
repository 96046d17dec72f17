/** What a running phase gets from the pipeline: config, paths, tools, cancellation, progress. */
import type { BenchConfig } from "../config/benchConfig";
import type { Toolchain } from "../environment/toolchain";
import type { Command } from "../runners/command";
import type { StateFile } from "../state/schema";
import { runCommand } from "../runners/processRunner";
import type { DataLayout } from "./layout";

/** Prefix of the JSON progress lines the Python jobs print (spark-jobs/common/progress.py). */
const EVENT_PREFIX = "LAKEBENCH_EVENT ";

export type JobEvent = { event: string } & Record<string, unknown>;

export interface PhaseContext {
  config: BenchConfig;
  layout: DataLayout;
  toolchain: Toolchain;
  benchmarkId: string;
  phase: string;
  logFile: string;
  signal: AbortSignal;
  /** A human-readable progress line. */
  progress(message: string): void;
  /** A read-only snapshot of the workspace state (earlier phases' results, this run's record). */
  state(): StateFile;
  /** Records the child's process group in the state, so a later run can stop an orphan. */
  onChild(pid: number): Promise<void>;
}

/** Runs a command for the phase, logging to the phase's log and forwarding job events. */
export function runPhaseCommand(ctx: PhaseContext, command: Command, onEvent?: (event: JobEvent) => void): Promise<void> {
  return runCommand(command, {
    logFile: ctx.logFile,
    signal: ctx.signal,
    onStart: (pid) => void ctx.onChild(pid),
    onLine: (line) => {
      if (onEvent && line.startsWith(EVENT_PREFIX)) onEvent(JSON.parse(line.slice(EVENT_PREFIX.length)) as JobEvent);
    },
  });
}
