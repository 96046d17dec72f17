import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { afterEach, describe, expect, it } from "vitest";
import type { ContainerEngine, ExecOptions } from "../../../src/core/docker/containerEngine";
import { runPhaseCommand, type JobEvent, type PhaseContext } from "../../../src/core/phase/context";
import type { Command } from "../../../src/core/runners/command";
import { CommandFailedError } from "../../../src/core/runners/errors";
import { tempDirs } from "../helpers/fixtures";

const temp = tempDirs();
afterEach(() => temp.cleanup());

function context(logFile: string, children: number[] = [], containers?: ContainerEngine): PhaseContext {
  return {
    logFile,
    signal: new AbortController().signal,
    onChild: async (pid: number) => {
      children.push(pid);
    },
    containers: () => {
      if (!containers) throw new Error("no container engine in this test");
      return containers;
    },
  } as unknown as PhaseContext;
}

/** A container engine that records exec calls and replays the given output. */
function fakeContainers(output: string[], exitCode: number) {
  const calls: { project: string; command: Command; options: ExecOptions }[] = [];
  const engine: ContainerEngine = {
    ping: async () => undefined,
    listServices: async () => [],
    logs: async () => "",
    exec: async (project, command, options) => {
      calls.push({ project, command, options });
      output.forEach((line) => options.onLine?.(line));
      return exitCode;
    },
  };
  return { engine, calls };
}

const SRC = path.resolve(__dirname, "../../../src/core/phase/context.ts");

describe("runPhaseCommand", () => {
  it("forwards LAKEBENCH_EVENT lines as parsed events and ignores other output", async () => {
    const events: JobEvent[] = [];
    const logFile = path.join(temp.make(), "phase.log");
    const script = `echo 'starting'; echo 'LAKEBENCH_EVENT {"event":"table_done","table":"nation","rows":25}'; echo 'LAKEBENCH_EVENTS are great'; echo 'x LAKEBENCH_EVENT {}'`;
    await runPhaseCommand(context(logFile), { file: "bash", args: ["-c", script] }, (e) => events.push(e));
    expect(events).toEqual([{ event: "table_done", table: "nation", rows: 25 }]);
    expect(readFileSync(logFile, "utf8")).toContain("LAKEBENCH_EVENT");
  });

  it("records the child's process group through onChild", async () => {
    const children: number[] = [];
    await runPhaseCommand(context(path.join(temp.make(), "phase.log"), children), { file: "bash", args: ["-c", "true"] });
    expect(children).toHaveLength(1);
    expect(children[0]).toBeGreaterThan(0);
  });

  it("runs a command that names a service inside that Compose service, not on this machine", async () => {
    const { engine, calls } = fakeContainers(['LAKEBENCH_EVENT {"event":"query_done","query":"q01"}', "plain output"], 0);
    const events: JobEvent[] = [];
    const children: number[] = [];
    const logFile = path.join(temp.make(), "phase.log");
    const command: Command = { file: "/opt/spark/bin/spark-submit", args: ["--name", "app"], service: "spark-master", env: { A: "1" } };
    await runPhaseCommand(context(logFile, children, engine), command, (e) => events.push(e));
    expect(calls).toHaveLength(1);
    expect(calls[0].project).toBe("lakehouse-bench"); // the Compose project name
    expect(calls[0].command).toEqual(command);
    expect(calls[0].options.logFile).toBe(logFile);
    expect(events).toEqual([{ event: "query_done", query: "q01" }]);
    expect(children).toEqual([]); // no local process group to record
  });

  it("raises CommandFailedError naming the service and the log when the command fails in the container", async () => {
    const { engine } = fakeContainers([], 137);
    const logFile = path.join(temp.make(), "phase.log");
    const error = await runPhaseCommand(context(logFile, [], engine), { file: "/opt/spark/bin/spark-submit", args: [], service: "spark-master" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CommandFailedError);
    expect((error as CommandFailedError).exitCode).toBe(137);
    expect((error as CommandFailedError).command).toContain("spark-master");
    expect((error as CommandFailedError).logFile).toBe(logFile);
  });

  it(
    "survives a malformed LAKEBENCH_EVENT line instead of crashing the whole process",
    async () => {
      // Run in a separate Node process: an exception thrown from a stream listener is
      // uncaught and would otherwise take the test runner down with it.
      const dir = temp.make();
      const entry = path.join(dir, "entry.ts");
      writeFileSync(
        entry,
        `import { runPhaseCommand } from ${JSON.stringify(SRC)};
const ctx = { logFile: ${JSON.stringify(path.join(dir, "phase.log"))}, signal: new AbortController().signal, onChild: async () => {} } as any;
runPhaseCommand(ctx, { file: "bash", args: ["-c", "echo 'LAKEBENCH_EVENT {broken'; sleep 0.2; echo 'LAKEBENCH_EVENT {\\"event\\":\\"ok\\"}'"] }, (e) => console.log("event " + e.event))
  .then(() => console.log("resolved"), (e) => console.log("rejected " + e.message));
`,
      );
      const out = path.join(dir, "entry.cjs");
      await build({ entryPoints: [entry], bundle: true, platform: "node", format: "cjs", outfile: out, logLevel: "silent" });
      const result = spawnSync(process.execPath, [out], { encoding: "utf8", timeout: 10_000 });
      expect(result.stderr).not.toMatch(/SyntaxError/);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/event ok/);
    },
    20_000,
  );
});
