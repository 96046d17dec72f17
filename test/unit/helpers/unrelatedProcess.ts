/** A live process in its own session and group, like an unrelated program that got a recorded pid. */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { until } from "./async";
import type { startedProcesses } from "./processes";

/** Starts `setsid sleep 300`, registers it for cleanup, and resolves once it is the sleep in its own group. */
export async function startUnrelatedSleep(processes: ReturnType<typeof startedProcesses>): Promise<number> {
  // Not `detached`: setsid(1) forks when it already leads a group, and the pid would not be the sleep's.
  const child = spawn("setsid", ["sleep", "300"], { stdio: "ignore" });
  const pid = child.pid!;
  processes.add(pid);
  const settled = await until(() => ownGroupSleep(pid));
  if (!settled) throw new Error(`setsid sleep (pid ${pid}) did not become a sleep leading its own group`);
  processes.addGroupLeader(pid);
  return pid;
}

function ownGroupSleep(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const processGroup = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
    return processGroup === pid && readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("sleep\0");
  } catch {
    return false;
  }
}
