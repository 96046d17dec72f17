/**
 * Process identity and the guarded stop of a recorded child. Every real signal goes to a
 * process this file started; for pids 1, 0 and negatives process.kill is a recorder.
 */
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  isAlive,
  isSameCommand,
  isSameProcess,
  isSignallablePid,
  killGroup,
  readProcessIdentity,
  signalGroup,
  startTimeOf,
  stopRecordedGroup,
} from "../../../src/core/runners/processes";
import { until } from "../helpers/async";
import { isRunning, startedProcesses } from "../helpers/processes";
import { startUnrelatedSleep } from "../helpers/unrelatedProcess";

const processes = startedProcesses();
afterEach(() => {
  vi.restoreAllMocks();
  processes.stopAll();
});

/** Records every process.kill call and sends nothing. */
const killRecorder = () => vi.spyOn(process, "kill").mockImplementation(() => true);

describe("startTimeOf", () => {
  const fields = (comm: string) => `4242 (${comm}) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 50`;

  it("reads field 22 after the last parenthesis, whatever the command name holds", () => {
    expect(startTimeOf(fields("sleep"))).toBe(987654);
    expect(startTimeOf(fields("a) S 1 2 3 (b"))).toBe(987654);
    expect(startTimeOf(fields("with space"))).toBe(987654);
  });

  it("gives undefined for text that is not a stat line", () => {
    expect(startTimeOf("garbage")).toBeUndefined();
    expect(startTimeOf("1 (x) S 1")).toBeUndefined();
  });

  it("reads the real start time of this process, the same on every read", () => {
    const first = readProcessIdentity(process.pid);
    expect(first?.startTime).toEqual(expect.any(Number));
    expect(first?.cmdline[0]).toMatch(/node/);
    expect(readProcessIdentity(process.pid)).toEqual(first);
  });
});

describe("isSignallablePid", () => {
  it.each([1, 0, -1, -4242, 2.5, Number.NaN, "4242", undefined, null])("refuses %s", (pid) => {
    expect(isSignallablePid(pid)).toBe(false);
  });

  it("accepts an integer above 1", () => {
    expect(isSignallablePid(2)).toBe(true);
    expect(isSignallablePid(4242)).toBe(true);
  });

  it.each([1, 0, -1, -4242])("no helper sends anything for pid %s", (pid) => {
    const kill = killRecorder();
    expect(signalGroup(pid, "SIGKILL")).toBe(false);
    expect(isAlive(pid)).toBe(false);
    killGroup(pid);
    expect(kill).not.toHaveBeenCalled();
  });
});

describe("isSameCommand", () => {
  it("matches an identical command line and refuses a different one", () => {
    expect(isSameCommand(["sleep", "300"], ["sleep", "300"])).toBe(true);
    expect(isSameCommand(["sleep", "300"], ["sleep", "301"])).toBe(false);
    expect(isSameCommand([], [])).toBe(false);
  });

  it("matches a launcher that exec'd into its program, keeping the script and its arguments last", () => {
    const recorded = ["bash", "/venv/bin/spark-submit", "--master", "local[1]", "/jobs/silver/convert.py", "--out", "/data/silver", "--sf", "0.1"];
    const live = ["/usr/bin/java", "-cp", "x", "org.apache.spark.deploy.SparkSubmit", "--conf", "a=b", "/jobs/silver/convert.py", "--out", "/data/silver", "--sf", "0.1"];
    expect(isSameCommand(recorded, live)).toBe(true);
    expect(isSameCommand(recorded, [...live.slice(0, -1), "1"])).toBe(false);
    expect(isSameCommand(recorded, ["/data/silver", "--sf", "0.1"])).toBe(false); // the tail alone is no program
  });
});

describe("isSameProcess", () => {
  const identity = { bootId: "boot-a", startTime: 100, cmdline: ["sleep", "300"] };

  it("needs the same boot, start time and command", () => {
    expect(isSameProcess(identity, { ...identity })).toBe(true);
    expect(isSameProcess(identity, { ...identity, bootId: "boot-b" })).toBe(false);
    expect(isSameProcess(identity, { ...identity, startTime: 101 })).toBe(false);
    expect(isSameProcess(identity, { ...identity, cmdline: ["bash"] })).toBe(false);
  });
});

describe("stopRecordedGroup", () => {
  it.each([1, 0, -1, -4242, 2.5])("does not signal recorded pid %s and says why", (pid) => {
    const kill = killRecorder();
    const decision = stopRecordedGroup(pid, { startTime: 1, cmdline: ["x"] });
    expect(kill).not.toHaveBeenCalled();
    expect(decision.outcome).toBe("left");
    expect(decision.note).toMatch(/not signalled.*integer above 1/);
  });

  it("does not signal its own process", () => {
    const kill = killRecorder();
    expect(stopRecordedGroup(process.pid, readProcessIdentity(process.pid)).outcome).toBe("left");
    expect(kill).not.toHaveBeenCalled();
  });

  it("does not signal a live process recorded without an identity", async () => {
    const pid = await startUnrelatedSleep(processes);
    const decision = stopRecordedGroup(pid, undefined);
    expect(decision).toMatchObject({ outcome: "left", note: expect.stringMatching(/no identity was recorded/) });
    expect(isRunning(pid)).toBe(true);
  });

  it("does not signal a live process whose start time differs from the recorded one (a reused pid)", async () => {
    const pid = await startUnrelatedSleep(processes);
    const live = readProcessIdentity(pid)!;
    const kill = vi.spyOn(process, "kill");
    const decision = stopRecordedGroup(pid, { ...live, startTime: live.startTime - 1 });
    expect(decision).toMatchObject({ outcome: "left", note: expect.stringMatching(/another process/) });
    expect(kill.mock.calls.filter(([, signal]) => signal !== 0)).toEqual([]);
    expect(isRunning(pid)).toBe(true);
  });

  it("stops the group when the identity still matches", async () => {
    const pid = await startUnrelatedSleep(processes);
    expect(stopRecordedGroup(pid, readProcessIdentity(pid)).outcome).toBe("stopped");
    expect(await until(() => !isRunning(pid))).toBe(true);
  });

  it("says a recorded child that has exited is gone, without signalling", () => {
    const pid = spawnSync("true").pid!;
    const kill = vi.spyOn(process, "kill");
    expect(stopRecordedGroup(pid, { startTime: 1, cmdline: ["true"] }).outcome).toBe("gone");
    expect(kill.mock.calls.filter(([, signal]) => signal !== 0)).toEqual([]);
  });
});
