/** ContainerEngine over the Docker Engine API (dockerode). */
import { createWriteStream, promises as fs } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";
import type Docker from "dockerode";
import type { Command } from "../runners/command";
import { CancelledError } from "../runners/errors";
import type { ContainerEngine, ContainerSummary, ExecOptions } from "./containerEngine";
import { DOCKER_NOT_RUNNING, DockerUnavailableError } from "./errors";

const PING_TIMEOUT_MS = 3_000;
const PROJECT_LABEL = "com.docker.compose.project";
const SERVICE_LABEL = "com.docker.compose.service";

export class DockerodeEngine implements ContainerEngine {
  private client?: Promise<Docker>;

  /** dockerode (its HTTP stack) is loaded at first use: the extension activates without it. */
  private docker(): Promise<Docker> {
    this.client ??= import("dockerode").then(({ default: Dockerode }) => new Dockerode({ timeout: 10_000 } as Docker.DockerOptions));
    return this.client;
  }

  async ping(): Promise<void> {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), PING_TIMEOUT_MS).unref());
    try {
      await Promise.race([(await this.docker()).ping(), timeout]);
    } catch {
      throw new DockerUnavailableError(DOCKER_NOT_RUNNING);
    }
  }

  async listServices(project: string): Promise<ContainerSummary[]> {
    await this.ping();
    const containers = await (await this.docker()).listContainers({ all: true, filters: { label: [`${PROJECT_LABEL}=${project}`] } });
    return containers.map((c) => ({
      service: c.Labels[SERVICE_LABEL] ?? "?",
      name: (c.Names[0] ?? "").replace(/^\//, ""),
      state: c.State,
      health: /\((healthy|unhealthy|health: starting)\)/.exec(c.Status)?.[1].replace("health: ", "") ?? "none",
    }));
  }

  async exec(project: string, command: Command, options: ExecOptions): Promise<number> {
    const container = (await this.docker()).getContainer(await this.containerId(project, command.service!));
    const exec = await container.exec({
      Cmd: [command.file, ...command.args],
      Env: Object.entries(command.env ?? {}).map(([k, v]) => `${k}=${v}`),
      AttachStdout: true,
      AttachStderr: true,
    });
    await fs.mkdir(path.dirname(options.logFile), { recursive: true });
    const log = createWriteStream(options.logFile, { flags: "a" });
    // An exec has no kill in the Docker API: stop the application by its name instead.
    const onAbort = () => void this.stopSparkApp(container, command).catch(() => undefined);
    try {
      const stream = await exec.start({ hijack: true, stdin: false });
      const output = new PassThrough();
      (await this.docker()).modem.demuxStream(stream, output, output);
      let pending = "";
      output.on("data", (chunk: Buffer) => {
        log.write(chunk);
        const lines = (pending + chunk.toString("utf8")).split("\n");
        pending = lines.pop() ?? "";
        lines.forEach((line) => options.onLine?.(line));
      });
      output.on("end", () => pending && options.onLine?.(pending));
      options.signal?.addEventListener("abort", onAbort, { once: true });
      await new Promise<void>((resolve) => stream.on("end", resolve));
      output.end();
    } finally {
      options.signal?.removeEventListener("abort", onAbort);
      // The log is complete (and its file handle closed) before the caller reads or removes it.
      log.end();
      await finished(log);
    }
    if (options.signal?.aborted) throw new CancelledError();
    return (await exec.inspect()).ExitCode ?? -1;
  }

  async logs(project: string, service: string, tailLines: number): Promise<string> {
    const container = (await this.docker()).getContainer(await this.containerId(project, service));
    const buffer = (await container.logs({ stdout: true, stderr: true, tail: tailLines, follow: false })) as unknown as Buffer;
    return demuxed(buffer);
  }

  private async containerId(project: string, service: string): Promise<string> {
    await this.ping();
    const [container] = await (await this.docker()).listContainers({ filters: { label: [`${PROJECT_LABEL}=${project}`, `${SERVICE_LABEL}=${service}`] } });
    if (!container) throw new DockerUnavailableError(`The ${service} container is not running. Start the cluster first (lakebench cluster start).`);
    return container.Id;
  }

  private async stopSparkApp(container: Docker.Container, command: Command): Promise<void> {
    const name = command.args[command.args.indexOf("--name") + 1];
    const kill = await container.exec({ Cmd: ["pkill", "-f", "--", `--name ${name}`], AttachStdout: false, AttachStderr: false });
    await kill.start({ Detach: true });
  }
}

/** Docker multiplexes stdout/stderr with 8-byte frame headers when there is no TTY. */
function demuxed(buffer: Buffer): string {
  const parts: Buffer[] = [];
  for (let offset = 0; offset + 8 <= buffer.length; ) {
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return Buffer.concat(parts).toString("utf8");
}
