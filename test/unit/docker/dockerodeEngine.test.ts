/**
 * DockerodeEngine against a fake dockerode (this machine has no Docker engine): what it
 * asks the Docker API to run, and what it does with the answer.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DockerodeEngine } from "../../../src/core/docker/dockerodeEngine";
import { DockerUnavailableError } from "../../../src/core/docker/errors";
import type { Command } from "../../../src/core/runners/command";
import { CancelledError } from "../../../src/core/runners/errors";
import { tempDirs } from "../helpers/fixtures";
import { startedProcesses } from "../helpers/processes";

interface ExecCreate {
  Cmd: string[];
  Env?: string[];
  AttachStdout?: boolean;
}

const docker = vi.hoisted(() => ({
  /** What listContainers answers. */
  containers: [] as { Id: string; Labels: Record<string, string> }[],
  listFilters: [] as unknown[],
  execs: [] as ExecCreate[],
  /** Output of the main exec, and its exit code. */
  output: "",
  exitCode: 0,
  /** When false, the main exec's stream stays open until a detached exec (the stop) starts. */
  finishes: true,
  stream: undefined as PassThrough | undefined,
  pingFails: false,
}));

vi.mock("dockerode", async () => {
  const { PassThrough } = await import("node:stream");
  class FakeDocker {
    modem = { demuxStream: (stream: PassThrough, stdout: PassThrough) => stream.pipe(stdout) };
    async ping() {
      if (docker.pingFails) throw new Error("connect ENOENT /var/run/docker.sock");
      return "OK";
    }
    async listContainers(options: { filters?: unknown }) {
      docker.listFilters.push(options.filters);
      return docker.containers;
    }
    getContainer(id: string) {
      return {
        id,
        exec: async (create: ExecCreate) => {
          docker.execs.push(create);
          return {
            start: async (options: { Detach?: boolean }) => {
              if (options.Detach) {
                docker.stream?.end();
                return undefined;
              }
              const stream = new PassThrough();
              docker.stream = stream;
              stream.write(docker.output);
              if (docker.finishes) setImmediate(() => stream.end());
              return stream;
            },
            inspect: async () => ({ ExitCode: docker.exitCode }),
          };
        },
      };
    }
  }
  return { default: FakeDocker };
});

const temp = tempDirs();
const probes = startedProcesses();
// vi.waitFor gives up after 1 s by default: too short for a loaded machine; this only catches a hang.
const PATIENTLY = { timeout: 10_000 };
beforeEach(() => {
  Object.assign(docker, { containers: [{ Id: "c-master", Labels: {} }], listFilters: [], execs: [], output: "", exitCode: 0, finishes: true, stream: undefined, pingFails: false });
});
afterEach(() => {
  probes.stopAll();
  temp.cleanup();
});

const submit = (name: string): Command => ({
  file: "/opt/spark/bin/spark-submit",
  args: ["--master", "spark://spark-master:7077", "--name", name, "/opt/lakebench/spark-jobs/gold/run_queries.py", "--framework", "iceberg"],
  env: { _SPARK_AUTH_SECRET: "s3cret" },
  service: "spark-master",
});

describe("DockerodeEngine.exec", () => {
  it("runs the command as an argument array in the project's container of the service, with its environment", async () => {
    const logFile = path.join(temp.make(), "logs", "gold.log");
    await new DockerodeEngine().exec("lakehouse-bench", submit("lakebench-gold-iceberg"), { logFile });
    expect(docker.listFilters).toContainEqual({ label: ["com.docker.compose.project=lakehouse-bench", "com.docker.compose.service=spark-master"] });
    expect(docker.execs[0].Cmd).toEqual(["/opt/spark/bin/spark-submit", ...submit("lakebench-gold-iceberg").args]);
    expect(docker.execs[0].Env).toEqual(["_SPARK_AUTH_SECRET=s3cret"]);
  });

  it("streams output lines to onLine and to the log file, and resolves to the exit code", async () => {
    docker.output = "first\nLAKEBENCH_EVENT {}\nlast\n";
    docker.exitCode = 3;
    const logFile = path.join(temp.make(), "gold.log");
    const lines: string[] = [];
    const exitCode = await new DockerodeEngine().exec("lakehouse-bench", submit("app"), { logFile, onLine: (l) => lines.push(l) });
    expect(exitCode).toBe(3);
    expect(lines).toEqual(["first", "LAKEBENCH_EVENT {}", "last"]);
    await vi.waitFor(() => expect(readFileSync(logFile, "utf8")).toBe("first\nLAKEBENCH_EVENT {}\nlast\n"), PATIENTLY);
  });

  it("delivers a last output line that has no trailing newline", async () => {
    docker.output = "ok\nTraceback: boom";
    const lines: string[] = [];
    await new DockerodeEngine().exec("lakehouse-bench", submit("app"), { logFile: path.join(temp.make(), "l.log"), onLine: (l) => lines.push(l) });
    expect(lines).toEqual(["ok", "Traceback: boom"]);
  });

  it("refuses with DockerUnavailableError when the service's container is not running", async () => {
    docker.containers = [];
    const error = await new DockerodeEngine().exec("lakehouse-bench", submit("app"), { logFile: path.join(temp.make(), "l.log") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DockerUnavailableError);
    expect((error as Error).message).toMatch(/spark-master container is not running/);
  });

  it("refuses with DockerUnavailableError when the daemon does not answer", async () => {
    docker.pingFails = true;
    await expect(new DockerodeEngine().ping()).rejects.toBeInstanceOf(DockerUnavailableError);
  });

  it("on abort: stops the Spark application in the container and raises CancelledError", async () => {
    docker.finishes = false;
    const controller = new AbortController();
    const done = new DockerodeEngine().exec("lakehouse-bench", submit("lakebench-gold-iceberg"), { logFile: path.join(temp.make(), "l.log"), signal: controller.signal });
    await vi.waitFor(() => expect(docker.stream).toBeDefined(), PATIENTLY);
    controller.abort();
    await expect(done).rejects.toBeInstanceOf(CancelledError);
    expect(docker.execs).toHaveLength(2);
  });

  it("on abort: the stop command really selects the application's processes by their --name", async () => {
    // A stand-in for the container's spark-submit JVM, with a name no other process has.
    const name = `lakebench-gold-test-${randomBytes(6).toString("hex")}`;
    const probe = spawn("bash", ["-c", `exec -a "java org.apache.spark.deploy.SparkSubmit --name ${name}" sleep 30`], { detached: true, stdio: "ignore" });
    probes.add(probe.pid!);
    await vi.waitFor(() => expect(spawnSync("pgrep", ["-f", name], { encoding: "utf8" }).stdout).toContain(String(probe.pid)), PATIENTLY);

    docker.finishes = false;
    const controller = new AbortController();
    const done = new DockerodeEngine().exec("lakehouse-bench", submit(name), { logFile: path.join(temp.make(), "l.log"), signal: controller.signal });
    await vi.waitFor(() => expect(docker.stream).toBeDefined(), PATIENTLY);
    controller.abort();
    await done.catch(() => undefined);

    const stop = docker.execs[1].Cmd;
    expect(stop[0]).toBe("pkill");
    // pgrep parses its arguments exactly like pkill, but only lists: run the same selection here.
    const selected = spawnSync("pgrep", stop.slice(1), { encoding: "utf8" });
    expect(selected.stderr).toBe("");
    expect(selected.status).toBe(0);
    expect(selected.stdout.split("\n")).toContain(String(probe.pid));
  });
});
