/**
 * Signals to processes and process groups by id (no execa: cheap to load, e.g. at activation),
 * and what tells a recorded child from an unrelated process that later got the same pid.
 */
import { readFileSync } from "node:fs";

const KILL_GRACE_MS = 5_000;

/**
 * The one test before any signal: kill(0) reaches our own group, kill(-1) every process we
 * may signal, and negatives are groups; a pid read from a file must be a plain pid above 1.
 */
export function isSignallablePid(pid: unknown): pid is number {
  return typeof pid === "number" && Number.isSafeInteger(pid) && pid > 1;
}

/**
 * SIGTERM to the group, SIGKILL if it is still there after a grace period. Returns what
 * cancels the SIGKILL: call it once the group is gone, so its id, free for reuse by then,
 * is never signalled.
 */
export function killGroup(pid: number | undefined): () => void {
  if (!isSignallablePid(pid)) return () => {};
  signalGroup(pid, "SIGTERM");
  const escalation = setTimeout(() => signalGroup(pid, "SIGKILL"), KILL_GRACE_MS);
  escalation.unref();
  return () => clearTimeout(escalation);
}

/** Whether any process is left in the group (signal 0 tests without sending). */
export function groupExists(pid: number): boolean {
  if (!isSignallablePid(pid)) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  if (!isSignallablePid(pid)) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Whether a process exists (signal 0 tests without sending). */
export function isAlive(pid: number): boolean {
  if (!isSignallablePid(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * What identifies a process beyond its pid, which the kernel reuses: the boot it runs in,
 * its start time (clock ticks after boot, /proc/<pid>/stat field 22) and its command line.
 */
export interface ProcessIdentity {
  bootId?: string;
  startTime: number;
  cmdline: string[];
}

/** Linux only (/proc); undefined elsewhere, for an invalid pid or a process that is gone. */
export function readProcessIdentity(pid: number): ProcessIdentity | undefined {
  if (!isSignallablePid(pid)) return undefined;
  try {
    const startTime = startTimeOf(readFileSync(`/proc/${pid}/stat`, "utf8"));
    if (startTime === undefined) return undefined;
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    if (cmdline.at(-1) === "") cmdline.pop(); // every argument ends with a NUL, the last one too
    return { bootId: readBootId(), startTime, cmdline };
  } catch {
    return undefined;
  }
}

/**
 * Field 22 of /proc/<pid>/stat. Field 2, the command name, is in parentheses and may itself
 * hold spaces and ')', so fields are counted from the last ')'.
 */
export function startTimeOf(stat: string): number | undefined {
  const close = stat.lastIndexOf(")");
  if (close < 0) return undefined;
  const fields = stat.slice(close + 1).trim().split(/\s+/); // fields[0] is field 3, the state
  const value = fields[22 - 3];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function readBootId(): string | undefined {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Same boot, same start time, same command: the process recorded, not a reuse of its pid. */
export function isSameProcess(recorded: ProcessIdentity, live: ProcessIdentity): boolean {
  if (recorded.bootId !== undefined && recorded.bootId !== live.bootId) return false;
  return recorded.startTime === live.startTime && isSameCommand(recorded.cmdline, live.cmdline);
}

/**
 * A launcher may exec into its program under the same pid and start time: spark-submit
 * (bash) becomes java, with its own options rewritten, but keeps the application's script
 * and arguments last. So the command lines match when equal, or when the live one ends
 * with the recorded one's arguments from its last absolute path on.
 */
export function isSameCommand(recorded: string[], live: string[]): boolean {
  if (recorded.length === 0) return false;
  if (recorded.length === live.length && recorded.every((arg, i) => arg === live[i])) return true;
  let from = -1;
  for (let i = recorded.length - 1; i > 0 && from < 0; i--) if (recorded[i].startsWith("/")) from = i;
  if (from < 0) return false;
  const tail = recorded.slice(from);
  const offset = live.length - tail.length;
  return offset > 0 && tail.every((arg, i) => arg === live[offset + i]);
}

export interface StopDecision {
  /** stopped: signalled; gone: had already exited; left: not signalled, may still run. */
  outcome: "stopped" | "gone" | "left";
  /** A sentence for the recovery message: what was done with the recorded child, and why. */
  note: string;
}

/**
 * Stops the process group a dead run recorded, only when its leader provably is still that
 * child: a valid pid, an identity recorded with it, and the live process matching it.
 */
export function stopRecordedGroup(pid: unknown, identity: ProcessIdentity | undefined): StopDecision {
  if (!isSignallablePid(pid)) {
    return { outcome: "left", note: `Its recorded child pid ${String(pid)} was not signalled: a child's pid is an integer above 1.` };
  }
  if (pid === process.pid) return { outcome: "left", note: `Its recorded child pid ${pid} is this process; not signalled.` };
  if (!isAlive(pid)) return { outcome: "gone", note: `Its child process (pid ${pid}) had already exited.` };
  if (!identity) {
    return { outcome: "left", note: `Its recorded child pid ${pid} was not signalled: no identity was recorded with it, so it cannot be told from another process that now has that pid.` };
  }
  const live = readProcessIdentity(pid);
  if (!live) {
    return { outcome: "left", note: `Its recorded child pid ${pid} was not signalled: its identity cannot be read here (/proc), so it cannot be checked. Stop it yourself if it is still running.` };
  }
  if (!isSameProcess(identity, live)) {
    return { outcome: "left", note: `Pid ${pid} now belongs to another process (its start time or command differs from the recorded child's); not signalled.` };
  }
  if (signalGroup(pid, "SIGKILL")) return { outcome: "stopped", note: `Its orphaned child process group ${pid} was stopped.` };
  return { outcome: "left", note: `Its orphaned child process group ${pid} could not be signalled (permission denied?); stop it yourself.` };
}
