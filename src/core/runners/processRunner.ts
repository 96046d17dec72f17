/**
 * Runs one child process (execa, argument arrays, never a shell), streams its output to a
 * log file and line by line to the caller, and stops its whole process group on abort:
 * spark-submit starts a JVM which starts a Python driver, and all of them must go.
 */
import { createWriteStream, promises as fs } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import type { Command } from "./command";
import { CancelledError, CommandFailedError } from "./errors";
import { groupExists, killGroup } from "./processes";

export interface RunOptions {
  logFile: string;
  signal?: AbortSignal;
  onLine?: (line: string) => void;
  /** Called once the child exists, with the id of its process group. */
  onStart?: (pid: number) => void;
}

export async function runCommand(command: Command, options: RunOptions): Promise<void> {
  options.signal?.throwIfAborted();
  await fs.mkdir(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: "a" });
  log.write(`$ ${[command.file, ...command.args].join(" ")}\n`);
  const tail: string[] = [];

  const child = execa(command.file, command.args, {
    cwd: command.cwd,
    env: command.env,
    detached: true, // its own process group, so one signal reaches every descendant
    reject: false,
    stdin: "ignore",
    lines: false,
    buffer: false,
  });
  if (child.pid !== undefined) options.onStart?.(child.pid);

  let cancelEscalation: (() => void) | undefined;
  const onAbort = () => (cancelEscalation = killGroup(child.pid));
  options.signal?.addEventListener("abort", onAbort, { once: true });
  // Aborted while the log directory was being created: the listener came too late.
  if (options.signal?.aborted) onAbort();
  const deliver = (line: string) => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
    options.onLine?.(line);
  };
  const forward = (stream: NodeJS.ReadableStream | null) => {
    let pending = "";
    stream?.on("data", (chunk: Buffer) => {
      log.write(chunk);
      const lines = (pending + chunk.toString("utf8")).split("\n");
      pending = lines.pop() ?? "";
      lines.forEach(deliver);
    });
    stream?.on("end", () => pending && deliver(pending));
  };
  forward(child.stdout);
  forward(child.stderr);

  const result = await child;
  options.signal?.removeEventListener("abort", onAbort);
  // A group that died from SIGTERM needs no SIGKILL; one with members left still gets it.
  if (cancelEscalation && child.pid !== undefined && !groupExists(child.pid)) cancelEscalation();
  await new Promise<void>((resolve) => log.end(resolve));
  if (options.signal?.aborted) throw new CancelledError(`Cancelled: ${path.basename(command.file)} was stopped`);
  if (result.exitCode !== 0) {
    throw new CommandFailedError(path.basename(command.file), result.exitCode, tail.join("\n"), options.logFile);
  }
}

/** Runs a short command and returns its stdout (version probes, inspections). */
export async function captureCommand(command: Command, signal?: AbortSignal): Promise<string> {
  const result = await execa(command.file, command.args, { env: command.env, cwd: command.cwd, cancelSignal: signal, reject: false });
  if (result.exitCode !== 0) {
    throw new CommandFailedError(path.basename(command.file), result.exitCode, String(result.stderr).slice(-2000), "(not logged)");
  }
  return String(result.stdout);
}
