/**
 * runCommand and the process helpers, with real child processes. The tests assert behaviour
 * (what arrives, in which order, which signals reach the group, what error comes back), never
 * how fast: the machine may be loaded. Every signal goes to a process the test started.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { CancelledError, CommandFailedError } from "../../../src/core/runners/errors";
import { captureCommand, runCommand } from "../../../src/core/runners/processRunner";
import { isAlive, killGroup, signalGroup } from "../../../src/core/runners/processes";
import { tempDirs } from "../helpers/fixtures";
import { rejection, until } from "../helpers/async";
import { isRunning, startedProcesses } from "../helpers/processes";

const temp = tempDirs();
const processes = startedProcesses();
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  processes.stopAll();
  temp.cleanup();
});

const logFileIn = () => path.join(temp.make("lakebench-run-"), "logs", "phase.log");
const bash = (script: string, env?: Record<string, string>) => ({ file: "bash", args: ["-c", script], ...(env ? { env } : {}) });
const logText = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");

/**
 * A file the child waits for, so the test decides when the child goes on. The wait is capped
 * (a minute) and says so when the cap is hit, so a gate that never opens fails the test.
 */
function childGate(): { wait: string; open: () => void } {
  const file = path.join(temp.make("lakebench-gate-"), "open");
  return {
    wait: `for _ in $(seq 600); do [ -e '${file}' ] && break; sleep 0.1; done; [ -e '${file}' ] || echo gate-never-opened`,
    open: () => writeFileSync(file, ""),
  };
}

/** process.kill, still sending real signals, with every call recorded. */
const recordKills = () => vi.spyOn(process, "kill");
/** The signals sent to one process group, in order (signal 0 only probes, it sends nothing). */
const signalsTo = (kill: MockInstance<typeof process.kill>, group: number) =>
  kill.mock.calls.filter(([pid, signal]) => pid === -group && signal !== 0).map(([, signal]) => signal);
/** Fakes only setTimeout: the SIGKILL escalation waits for the test; I/O and Date stay real. */
const freezeGracePeriod = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });

describe("runCommand: output", () => {
  it("streams stdout and stderr line by line to onLine, in order within each stream", async () => {
    const lines: string[] = [];
    await runCommand(bash("echo one; echo two; echo err1 >&2; echo three"), { logFile: logFileIn(), onLine: (l) => lines.push(l) });
    expect(lines.filter((l) => !l.startsWith("err"))).toEqual(["one", "two", "three"]);
    expect(lines).toContain("err1");
  });

  it("delivers lines while the command is still running, not only at the end", async () => {
    const gate = childGate();
    const lines: string[] = [];
    // The child prints its second line only once the test has received the first one.
    await runCommand(bash(`echo early; ${gate.wait}; echo late`), {
      logFile: logFileIn(),
      onStart: processes.addGroupLeader,
      onLine: (line) => {
        lines.push(line);
        if (line === "early") gate.open();
      },
    });
    expect(lines).toEqual(["early", "late"]);
  });

  it("reassembles lines split across chunks", async () => {
    const [first, second] = [childGate(), childGate()];
    const logFile = logFileIn();
    const lines: string[] = [];
    const done = runCommand(bash(`printf 'hel'; ${first.wait}; printf 'lo\\nwor'; ${second.wait}; printf 'ld\\n'`), {
      logFile,
      onStart: processes.addGroupLeader,
      onLine: (l) => lines.push(l),
    });
    // Each piece has reached the runner (its log) before the child writes the next: separate chunks for sure.
    expect(await until(() => logText(logFile).endsWith("hel"))).toBe(true);
    expect(lines).toEqual([]);
    first.open();
    expect(await until(() => logText(logFile).endsWith("wor"))).toBe(true);
    expect(lines).toEqual(["hello"]);
    second.open();
    await done;
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
    const logFile = logFileIn();
    await expect(runCommand(bash("echo hi"), { logFile, signal: controller.signal, onStart: () => (started = true) })).rejects.toMatchObject({ name: "AbortError" });
    expect(started).toBe(false);
    expect(existsSync(logFile)).toBe(false);
  });

  it("stops the whole process group with SIGTERM alone on abort, grandchildren included, and raises CancelledError", async () => {
    const controller = new AbortController();
    const pids: number[] = [];
    let group = 0;
    const done = runCommand(bash("sleep 60 & echo $!; sleep 60 & echo $!; echo $$; wait"), {
      logFile: logFileIn(),
      signal: controller.signal,
      onStart: (pid) => processes.addGroupLeader((group = pid)),
      onLine: (line) => {
        pids.push(Number(line));
        processes.add(Number(line));
      },
    });
    const outcome = done.then(() => "resolved", (e: unknown) => e);
    expect(await until(() => pids.length === 3)).toBe(true);
    const [sleep1, sleep2, shell] = pids;
    expect(shell).toBe(group);
    for (const pid of pids) expect(isRunning(pid)).toBe(true);

    const kill = recordKills();
    // With the grace period frozen, the SIGKILL escalation cannot fire: whatever stops the group is the SIGTERM.
    freezeGracePeriod();
    controller.abort();
    const error = await outcome;
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as Error).message).toMatch(/bash was stopped/);
    expect(await until(() => !isRunning(sleep1) && !isRunning(sleep2) && !isRunning(shell))).toBe(true);
    expect(signalsTo(kill, group)).toEqual(["SIGTERM"]);
  });

  it("escalates to SIGKILL after the grace period for a group that ignores SIGTERM", async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    let group = 0;
    let settled = false;
    // The sleeper inherits an ignored SIGTERM; the shell traps it, says so, and carries on.
    const script = "trap '' TERM; sleep 60 & echo $!; trap 'echo got-term' TERM; echo ready; while true; do sleep 0.2; done";
    const done = runCommand(bash(script), {
      logFile: logFileIn(),
      signal: controller.signal,
      onStart: (pid) => processes.addGroupLeader((group = pid)),
      onLine: (line) => lines.push(line),
    });
    const outcome = done.then(() => "resolved", (e: unknown) => e).finally(() => (settled = true));
    expect(await until(() => lines.includes("ready"))).toBe(true);
    const sleeper = Number(lines[0]);
    processes.add(sleeper);

    const kill = recordKills();
    freezeGracePeriod();
    controller.abort();
    // The shell has handled the SIGTERM and lives on, so the command cannot have ended.
    expect(await until(() => lines.includes("got-term"))).toBe(true);
    expect(signalsTo(kill, group)).toEqual(["SIGTERM"]);
    expect(isRunning(sleeper)).toBe(true);
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(signalsTo(kill, group)).toEqual(["SIGTERM"]); // still within the grace period
    vi.runOnlyPendingTimers();
    expect(signalsTo(kill, group)).toEqual(["SIGTERM", "SIGKILL"]);
    expect(await outcome).toBeInstanceOf(CancelledError);
    expect(await until(() => !isRunning(sleeper))).toBe(true);
  });

  it("cancels a command aborted while it was being set up, instead of letting it run to the end", async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    let group: number | undefined;
    const kill = recordKills();
    freezeGracePeriod();
    // Left alone the child would sleep a minute and print: the test's timeout would fail first.
    const done = runCommand(bash("sleep 60; echo ran-to-the-end"), {
      logFile: logFileIn(),
      signal: controller.signal,
      onStart: (pid) => processes.addGroupLeader((group = pid)),
      onLine: (line) => lines.push(line),
    });
    // Abort right away: runCommand is still creating the log directory, before it spawns.
    controller.abort();
    const error = await rejection(done);
    expect(error).toBeInstanceOf(CancelledError);
    expect(group).toBeGreaterThan(1);
    expect(signalsTo(kill, group!)).toEqual(["SIGTERM"]);
    expect(lines).toEqual([]);
    expect(await until(() => !isRunning(group!))).toBe(true);
  });

  it("sends no SIGKILL after the grace period to a group that SIGTERM already ended (its id may be reused)", async () => {
    const controller = new AbortController();
    let group = 0;
    const done = runCommand(bash("exec sleep 60"), {
      logFile: logFileIn(),
      signal: controller.signal,
      onStart: (pid) => processes.addGroupLeader((group = pid)),
    });
    expect(await until(() => group > 1)).toBe(true);
    const kill = recordKills();
    freezeGracePeriod();
    controller.abort();
    expect(await rejection(done)).toBeInstanceOf(CancelledError);
    vi.runOnlyPendingTimers();
    expect(signalsTo(kill, group)).toEqual(["SIGTERM"]);
  });
});

describe("process helpers", () => {
  it("isAlive tells a running process from one that has exited", async () => {
    expect(isAlive(process.pid)).toBe(true);
    let pid = 0;
    await runCommand(bash("exit 0"), { logFile: logFileIn(), onStart: (p) => (pid = p) });
    expect(pid).toBeGreaterThan(1);
    expect(await until(() => !isAlive(pid))).toBe(true);
  });

  it("signalGroup reports false for a group that does not exist", () => {
    // Above PID_MAX_LIMIT (2^22 on 64-bit Linux): no process can have this id, so nothing is signalled.
    const impossible = 2 ** 22 + 12345;
    expect(impossible).toBeGreaterThan(Number(readFileSync("/proc/sys/kernel/pid_max", "utf8")));
    expect(signalGroup(impossible, "SIGTERM")).toBe(false);
  });

  it("killGroup sends SIGTERM to the group, then SIGKILL once the grace period is over", () => {
    // A recorder: no signal is sent, so the made-up pid is safe.
    const kill = vi.spyOn(process, "kill").mockImplementation(() => true);
    freezeGracePeriod();
    killGroup(424242);
    expect(kill.mock.calls).toEqual([[-424242, "SIGTERM"]]);
    vi.advanceTimersByTime(1_000);
    expect(kill.mock.calls).toHaveLength(1);
    vi.runOnlyPendingTimers();
    expect(kill.mock.calls).toEqual([
      [-424242, "SIGTERM"],
      [-424242, "SIGKILL"],
    ]);
  });

  it("killGroup does nothing for an undefined pid", () => {
    const kill = vi.spyOn(process, "kill").mockImplementation(() => true);
    freezeGracePeriod();
    killGroup(undefined);
    expect(kill).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("captureCommand returns stdout, and raises CommandFailedError with stderr on failure", async () => {
    expect(await captureCommand(bash("echo captured; echo noise >&2"))).toBe("captured");
    const error = (await rejection(captureCommand(bash("echo 'bad flag' >&2; exit 2")))) as CommandFailedError;
    expect(error).toBeInstanceOf(CommandFailedError);
    expect(error.exitCode).toBe(2);
    expect(error.tail).toContain("bad flag");
  });
});
