/**
 * The boundary to the Docker engine: container state, health, logs and exec. The real one
 * talks to the Docker API through dockerode; tests use a named fake, because this machine
 * has a Docker client but no engine.
 */
import type { Command } from "../runners/command";

export interface ContainerSummary {
  service: string;
  name: string;
  /** running, exited, ... */
  state: string;
  /** healthy, unhealthy, starting, or none when the image has no healthcheck. */
  health: string;
}

export interface ExecOptions {
  logFile: string;
  signal?: AbortSignal;
  onLine?: (line: string) => void;
}

export interface ContainerEngine {
  /** Resolves when the daemon answers; rejects with DockerUnavailableError otherwise. */
  ping(): Promise<void>;
  listServices(project: string): Promise<ContainerSummary[]>;
  /** Runs the command in the project's container of `command.service`; resolves to the exit code. */
  exec(project: string, command: Command, options: ExecOptions): Promise<number>;
  logs(project: string, service: string, tailLines: number): Promise<string>;
}
