/**
 * FakeContainerEngine — a named fake of the Docker engine. This machine has the Docker
 * client but no engine, so code behind the ContainerEngine boundary is unit-tested
 * against this fake; the compose file itself is validated with the real compose tool.
 */
import type { ContainerEngine, ContainerSummary, ExecOptions } from "../../../src/core/docker/containerEngine";
import { DOCKER_NOT_RUNNING, DockerUnavailableError } from "../../../src/core/docker/errors";
import type { Command } from "../../../src/core/runners/command";

export class FakeContainerEngine implements ContainerEngine {
  daemonRunning = true;
  containers: ContainerSummary[] = [];
  execs: { project: string; command: Command }[] = [];
  execExitCode = 0;
  execOutput: string[] = [];
  logText = "";

  async ping(): Promise<void> {
    if (!this.daemonRunning) throw new DockerUnavailableError(DOCKER_NOT_RUNNING);
  }

  async listServices(): Promise<ContainerSummary[]> {
    await this.ping();
    return this.containers;
  }

  async exec(project: string, command: Command, options: ExecOptions): Promise<number> {
    await this.ping();
    this.execs.push({ project, command });
    this.execOutput.forEach((line) => options.onLine?.(line));
    return this.execExitCode;
  }

  async logs(): Promise<string> {
    await this.ping();
    return this.logText;
  }
}

export const healthyCluster = (): ContainerSummary[] => [
  { service: "spark-master", name: "lakehouse-bench-spark-master-1", state: "running", health: "healthy" },
  { service: "spark-worker-1", name: "lakehouse-bench-spark-worker-1-1", state: "running", health: "healthy" },
  { service: "spark-worker-2", name: "lakehouse-bench-spark-worker-2-1", state: "running", health: "healthy" },
];
