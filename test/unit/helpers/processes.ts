/**
 * Processes a test started, read from /proc (Linux). Cleanup signals a process only while
 * /proc still shows the very same one (same pid and start time), so a pid reused by an
 * unrelated program after ours exited is never signalled.
 */
import { readFileSync } from "node:fs";

interface Stat {
  state: string;
  processGroup: number;
  startTime: string;
}

/** Fields of /proc/<pid>/stat after the command name, which may itself hold spaces and parentheses. */
function stat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 of proc(5): state; field 5 is the process group, field 22 the start time.
    return { state: fields[0], processGroup: Number(fields[2]), startTime: fields[19] };
  } catch {
    return undefined;
  }
}

/** Whether a pid is a live process (not a zombie waiting to be reaped). */
export function isRunning(pid: number): boolean {
  const s = stat(pid);
  return s !== undefined && s.state !== "Z";
}

/** Processes and process groups a test started, stopped with SIGKILL by stopAll() after it. */
export function startedProcesses() {
  const started = new Map<number, { startTime: string; leadsGroup: boolean }>();
  const record = (pid: number, leadsGroup: boolean) => {
    const s = pid > 1 ? stat(pid) : undefined;
    if (s) started.set(pid, { startTime: s.startTime, leadsGroup: leadsGroup && s.processGroup === pid });
  };
  return {
    /** A process the test started (e.g. a grandchild whose pid the child printed). */
    add: (pid: number) => record(pid, false),
    /** A child that leads its own process group: while it lives, the group id is ours. */
    addGroupLeader: (pid: number) => record(pid, true),
    stopAll(): void {
      for (const [pid, { startTime, leadsGroup }] of started) {
        if (stat(pid)?.startTime !== startTime) continue; // gone, or the pid now belongs to someone else
        try {
          process.kill(leadsGroup ? -pid : pid, "SIGKILL");
        } catch {
          // exited in between
        }
      }
      started.clear();
    },
  };
}
