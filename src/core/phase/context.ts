/** What a running phase gets from the pipeline: config, paths, tools, cancellation, progress. */
import { COMPOSE_PROJECT } from "../cluster/composeProject";
import type { BenchConfig } from "../config/benchConfig";
import type { ContainerEngine } from "../docker/containerEngine";
import type { Toolchain } from "../environment/toolchain";
import type { Command } from "../runners/command";
import { CommandFailedError } from "../runners/errors";
import { runCommand } from "../runners/processRunner";
import type { StateFile } from "../state/schema";
import type { DataLayout } from "./layout";

/** Prefix of the JSON progress lines the Python jobs print (spark-jobs/common/progress.py). */
const EVENT_PREFIX = "LAKEBENCH_EVENT ";

export type JobEvent = { event: string } & Record<string, unknown>;

export interface PhaseContext {
  config: BenchConfig;
  layout: DataLayout;
  toolchain: Toolchain;
  /** The Docker engine, for commands that run in a Compose service. */
  containers: () => ContainerEngine;
  benchmarkId: string;
  phase: string;
  /** The phase's settings and inputs, hashed (what a completed phase is skipped by). */
  configHash: string;
  /** --force: redo the work even when its output looks complete. */
  forced: boolean;
  logFile: string;
  signal: AbortSignal;
  /** A human-readable progress line. */
  progress(message: string): void;
  /** A read-only snapshot of the workspace state (earlier phases' results, this run's record). */
  state(): StateFile;
  /** Records the child's process group in the state, so a later run can stop an orphan. */
  onChild(pid: number): Promise<void>;
}

/** Runs a command for the phase (here, or in its Compose service), logging and forwarding job events. */
export async function runPhaseCommand(ctx: PhaseContext, command: Command, onEvent?: (event: JobEvent) => void): Promise<void> {
  const onLine = (line: string) => {
    if (!onEvent || !line.startsWith(EVENT_PREFIX)) return;
    // Progress is informative (the line is in the log anyway): a garbled line or a failing
    // listener must not kill the run from inside a stream callback.
    try {
      onEvent(JSON.parse(line.slice(EVENT_PREFIX.length)) as JobEvent);
    } catch {
      /* ignored */
    }
  };
  if (!command.service) {
    return runCommand(command, { logFile: ctx.logFile, signal: ctx.signal, onLine, onStart: (pid) => void ctx.onChild(pid) });
  }
  const exitCode = await ctx.containers().exec(COMPOSE_PROJECT, command, { logFile: ctx.logFile, signal: ctx.signal, onLine });
  if (exitCode !== 0) throw new CommandFailedError(`${command.service}: ${command.file}`, exitCode, "(see the log)", ctx.logFile);
}
