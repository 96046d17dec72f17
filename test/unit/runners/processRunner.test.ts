import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CancelledError, CommandFailedError } from "../../../src/core/runners/errors";
import { captureCommand, runCommand } from "../../../src/core/runners/processRunner";
import { isAlive, killGroup, signalGroup } from "../../../src/core/runners/processes";
import { tempDirs } from "../helpers/fixtures";
import { until, rejection } from "../helpers/async";

const temp = tempDirs();
const groups: number[] = [];
afterEach(() => {
  for (const pgid of groups.splice(0)) signalGroup(pgid, "SIGKILL");
  temp.cleanup();
});

const logFileIn = () => path.join(temp.make("lakebench-run-"), "logs", "phase.log");
const bash = (script: string, env?: Record<string, string>) => ({ file: "bash", args: ["-c", script], ...(env ? { env } : {}) });

/** Whether a pid is a live (not zombie) process. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** Waits real milliseconds even while setTimeout is faked. */
async function realPause(ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) await new Promise((r) => setImmediate(r));
}



describe("runCommand: output", () => {
  it("streams stdout and stderr line by line to onLine, in order within each stream", async () => {
    const lines: string[] = [];
    await runCommand(bash("echo one; echo two; echo err1 >&2; echo three"), { logFile: logFileIn(), onLine: (l) => lines.push(l) });
    expect(lines.filter((l) => !l.startsWith("err"))).toEqual(["one", "two", "three"]);
    expect(lines).toContain("err1");
  });

  it("delivers lines while the command is still running, not only at the end", async () => {
    const seen: number[] = [];
    const started = Date.now();
    await runCommand(bash("echo early; sleep 0.6; echo late"), { logFile: logFileIn(), onLine: () => seen.push(Date.now() - started) });
    expect(seen).toHaveLength(2);
    expect(seen[1] - seen[0]).toBeGreaterThan(400);
  });

  it("reassembles lines split across chunks", async () => {
    const lines: string[] = [];
    await runCommand(bash("printf 'hel'; sleep 0.2; printf 'lo\\nwor'; sleep 0.2; printf 'ld\\n'"), { logFile: logFileIn(), onLine: (l) => lines.push(l) });
    expect(lines).toEqual(["hello", "world"]);
  });

  it("delivers a last line that has no trailing newline", async () => {
    const lines: string[] = [];
    await runCommand(bash("echo first; printf 'last without newline'"), { logFile: logFileIn(), onLine: (l) => lines.push(l) });
    expect(lines).toEqual(["first", "last without newline"]);
  });

  it("writes the command line and all output to the log file, creating its directory", async () => {
    const logFile = logFileIn();
    expect(existsSync(path.dirname(logFile))).toBe(false);
    await runCommand(bash("echo to-stdout; echo to-stderr >&2"), { logFile });
    const log = readFileSync(logFile, "utf8");
    expect(log.split("\n")[0]).toBe("$ bash -c echo to-stdout; echo to-stderr >&2");
    expect(log).toContain("to-stdout\n");
    expect(log).toContain("to-stderr\n");
  });

  it("appends to an existing log instead of overwriting it", async () => {
    const logFile = logFileIn();
    await runCommand(bash("echo first-run"), { logFile });
    await runCommand(bash("echo second-run"), { logFile });
    const log = readFileSync(logFile, "utf8");
    expect(log).toContain("first-run");
    expect(log).toContain("second-run");
  });

  it("passes arguments literally, without a shell", async () => {
    const lines: string[] = [];
    await runCommand({ file: "printf", args: ["%s\\n", "$(echo injected); `x` && y"] }, { logFile: logFileIn(), onLine: (l) => lines.push(l) });
    expect(lines).toEqual(["$(echo injected); `x` && y"]);
  });

  it("adds the command's environment to the inherited one and uses its cwd", async () => {
    const dir = temp.make("lakebench-cwd-");
    const lines: string[] = [];
    await runCommand(
      { ...bash('echo "$LB_TEST_VAR"; pwd; [ -n "$PATH" ] && echo has-path', { LB_TEST_VAR: "hello" }), cwd: dir },
      { logFile: logFileIn(), onLine: (l) => lines.push(l) },
    );
    expect(lines).toEqual(["hello", dir, "has-path"]);
  });

  it("reports the child's pid, which leads its own process group, through onStart", async () => {
    let pid: number | undefined;
    const lines: string[] = [];
    await runCommand(bash("ps -o pgid= -p $$"), { logFile: logFileIn(), onStart: (p) => (pid = p), onLine: (l) => lines.push(l.trim()) });
    expect(pid).toBeGreaterThan(0);
    expect(lines).toEqual([String(pid)]);
  });
});

describe("runCommand: failure", () => {
  it("raises CommandFailedError with the exit code, the last lines and the log file on a non-zero exit", async () => {
    const logFile = logFileIn();
    const error = await rejection(runCommand(bash("echo working; echo 'Traceback: boom' >&2; exit 3"), { logFile }));
    expect(error).toBeInstanceOf(CommandFailedError);
    const failed = error as CommandFailedError;
    expect(failed.exitCode).toBe(3);
    expect(failed.command).toBe("bash");
    expect(failed.logFile).toBe(logFile);
    expect(failed.tail).toContain("Traceback: boom");
    expect(failed.tail).toContain("working");
    expect(failed.message).toContain("exit code 3");
    expect(failed.message).toContain("Traceback: boom");
    expect(failed.message).toContain(logFile);
  });

  it("keeps only the last 30 lines in the tail", async () => {
    const error = (await rejection(runCommand(bash("for i in $(seq 1 100); do echo line-$i; done; exit 1"), { logFile: logFileIn() }))) as CommandFailedError;
    const tail = error.tail.split("\n");
    expect(tail).toHaveLength(30);
    expect(tail[0]).toBe("line-71");
    expect(tail.at(-1)).toBe("line-100");
  });

  it("includes a final error message without a trailing newline in the tail", async () => {
    const error = (await rejection(runCommand(bash("echo ok; printf 'Fatal: out of memory' >&2; exit 1"), { logFile: logFileIn() }))) as CommandFailedError;
    expect(error.tail).toContain("Fatal: out of memory");
  });

  it("raises CommandFailedError when the program does not exist", async () => {
    const error = await rejection(runCommand({ file: "/nonexistent/lakebench-tool", args: [] }, { logFile: logFileIn() }));
    expect(error).toBeInstanceOf(CommandFailedError);
    expect((error as CommandFailedError).command).toBe("lakebench-tool");
  });

  it("resolves for a zero exit", async () => {
    await expect(runCommand(bash("exit 0"), { logFile: logFileIn() })).resolves.toBeUndefined();
  });
});

describe("runCommand: cancellation", () => {
  it("refuses to start when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    let started = false;
    await expect(runCommand(bash("echo hi"), { logFile: logFileIn(), signal: controller.signal, onStart: () => (started = true) })).rejects.toThrow();
    expect(started).toBe(false);
  });

  it("kills the whole process group on abort, grandchildren included, and raises CancelledError", async () => {
    const controller = new AbortController();
    const pids: number[] = [];
    let group: number | undefined;
    const done = runCommand(bash("sleep 60 & echo $!; sleep 60 & echo $!; echo $$; wait"), {
      logFile: logFileIn(),
      signal: controller.signal,
      onStart: (pid) => groups.push((group = pid)),
      onLine: (line) => pids.push(Number(line)),
    });
    const outcome = done.then(
      () => "resolved",
      (e: unknown) => e,
    );
    expect(await until(() => pids.length === 3)).toBe(true);
    const [sleep1, sleep2, shell] = pids;
    expect(shell).toBe(group);
    for (const pid of pids) expect(running(pid)).toBe(true);

    const abortedAt = Date.now();
    controller.abort();
    const error = await outcome;
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as Error).message).toMatch(/bash was stopped/);
    expect(Date.now() - abortedAt).toBeLessThan(4_000); // SIGTERM, not the SIGKILL grace period
    expect(await until(() => !running(sleep1) && !running(sleep2) && !running(shell))).toBe(true);
  });

  it("escalates to SIGKILL for a group that ignores SIGTERM", async () => {
    const controller = new AbortController();
    const pids: number[] = [];
    const done = runCommand(bash("trap '' TERM; sleep 60 & echo $!; while true; do sleep 0.1; done"), {
      logFile: logFileIn(),
      signal: controller.signal,
      onStart: (pid) => groups.push(pid),
      onLine: (line) => pids.push(Number(line)),
    });
    const outcome = done.then(
      () => "resolved",
      (e: unknown) => e,
    );
    expect(await until(() => pids.length === 1)).toBe(true);
    const [sleeper] = pids;
    // Fake only setTimeout, so the 5 s grace period can be skipped; I/O and Date stay real.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      controller.abort();
      // SIGTERM is ignored: still there a moment later.
      await realPause(300);
      expect(running(sleeper)).toBe(true);
      vi.advanceTimersByTime(5_000);
      const settled = await Promise.race([outcome, realPause(5_000).then(() => "still running")]);
      expect(settled).toBeInstanceOf(CancelledError);
    } finally {
      vi.useRealTimers();
    }
    expect(await until(() => !running(sleeper))).toBe(true);
  }, 15_000);

  it("cancels a command aborted while it was being set up, instead of letting it run to the end", async () => {
    const controller = new AbortController();
    let group: number | undefined;
    const started = Date.now();
    // Abort right away: runCommand is still creating the log directory, before it spawns.
    const done = runCommand(bash("sleep 5"), { logFile: logFileIn(), signal: controller.signal, onStart: (pid) => groups.push((group = pid)) });
    controller.abort();
    const error = await rejection(done);
    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(2_500);
    if (group !== undefined) expect(await until(() => !running(group!))).toBe(true);
  }, 10_000);
});

describe("process helpers", () => {
  it("isAlive tells a running process from one that has exited", async () => {
    expect(isAlive(process.pid)).toBe(true);
    let pid = 0;
    await runCommand(bash("exit 0"), { logFile: logFileIn(), onStart: (p) => (pid = p) });
    expect(await until(() => !isAlive(pid))).toBe(true);
  });

  it("signalGroup reports false for a group that does not exist", () => {
    expect(signalGroup(2 ** 22 + 12345, "SIGTERM")).toBe(false);
  });

  it("killGroup ignores an undefined pid", () => {
    expect(() => killGroup(undefined)).not.toThrow();
  });

  it("captureCommand returns stdout, and raises CommandFailedError with stderr on failure", async () => {
    expect(await captureCommand(bash("echo captured; echo noise >&2"))).toBe("captured");
    const error = (await rejection(captureCommand(bash("echo 'bad flag' >&2; exit 2")))) as CommandFailedError;
    expect(error).toBeInstanceOf(CommandFailedError);
    expect(error.exitCode).toBe(2);
    expect(error.tail).toContain("bad flag");
  });
});
