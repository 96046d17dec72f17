/**
 * Start, stop, inspect and read the logs of the Docker Compose Spark cluster. Compose
 * commands run through execa; container state and logs come from the Docker API. Every
 * Docker call is bounded by a timeout, so a missing or stopped daemon gives a message,
 * never a hang.
 */
import { execa } from "execa";
import type { BenchConfig } from "../config/benchConfig";
import { ConfigError } from "../config/errors";
import { redactSecrets } from "../config/load";
import { MIN_SECRET_LENGTH } from "../config/schema";
import type { ContainerEngine, ContainerSummary } from "../docker/containerEngine";
import { DOCKER_NOT_INSTALLED, DockerUnavailableError } from "../docker/errors";
import { COMPOSE_PROJECT } from "./composeProject";
import { captureCommand } from "../runners/processRunner";
import { composeCommand, type ComposeCli } from "./composeCommand";

export const MASTER_UI = "http://127.0.0.1:8080";
const SERVICES = ["spark-master", "spark-worker-1", "spark-worker-2"];

export interface ClusterStatus {
  containers: ContainerSummary[];
  aliveWorkers: number | null;
  masterUi: string;
  healthy: boolean;
}

export interface ClusterDeps {
  engine: ContainerEngine;
  /** Finds the Compose CLI; injectable for tests. */
  findCompose?: () => Promise<ComposeCli>;
  fetchJson?: (url: string) => Promise<unknown>;
}

export async function findComposeCli(): Promise<ComposeCli> {
  const plugin = await execa("docker", ["compose", "version"], { reject: false, timeout: 10_000 }).catch(() => undefined);
  if (plugin?.exitCode === 0) return { file: "docker", prefix: ["compose"] };
  const standalone = await execa("docker-compose", ["version"], { reject: false, timeout: 10_000 }).catch(() => undefined);
  if (standalone?.exitCode === 0) return { file: "docker-compose", prefix: [] };
  throw new DockerUnavailableError(plugin ? "Docker Compose is not installed: install the docker-compose-plugin package (or docker-compose)." : DOCKER_NOT_INSTALLED);
}

export async function startCluster(config: BenchConfig, deps: ClusterDeps, signal?: AbortSignal): Promise<ClusterStatus> {
  if (config.spark.authSecret.length < MIN_SECRET_LENGTH) {
    // Refuse before Docker is touched: the cluster never runs without authentication.
    throw new ConfigError([{ key: "SPARK_AUTH_SECRET", value: redactSecrets({ SPARK_AUTH_SECRET: config.spark.authSecret }).SPARK_AUTH_SECRET ?? "", allowed: `required to start the cluster: at least ${MIN_SECRET_LENGTH} characters (e.g. openssl rand -hex 32)` }]);
  }
  const cli = await (deps.findCompose ?? findComposeCli)();
  await deps.engine.ping();
  await captureCommand(composeCommand(cli, "up", config), signal);
  return waitUntilHealthy(deps, signal);
}

export async function stopCluster(config: BenchConfig, deps: ClusterDeps, signal?: AbortSignal): Promise<void> {
  const cli = await (deps.findCompose ?? findComposeCli)();
  await deps.engine.ping();
  await captureCommand(composeCommand(cli, "down", config), signal);
}

export async function clusterStatus(deps: ClusterDeps): Promise<ClusterStatus> {
  const containers = await deps.engine.listServices(COMPOSE_PROJECT);
  const master = (await (deps.fetchJson ?? fetchJson)(`${MASTER_UI}/json/`).catch(() => undefined)) as { aliveworkers?: number } | undefined;
  const healthy = SERVICES.every((s) => containers.some((c) => c.service === s && c.state === "running" && c.health !== "unhealthy"));
  return { containers, aliveWorkers: master?.aliveworkers ?? null, masterUi: MASTER_UI, healthy };
}

export async function clusterLogs(deps: ClusterDeps, service: string, tailLines = 200): Promise<string> {
  if (!SERVICES.includes(service) && service !== "tpchgen") {
    throw new Error(`Unknown service "${service}": one of ${[...SERVICES, "tpchgen"].join(", ")}`);
  }
  return deps.engine.logs(COMPOSE_PROJECT, service, tailLines);
}

async function waitUntilHealthy(deps: ClusterDeps, signal?: AbortSignal, timeoutMs = 180_000): Promise<ClusterStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    const status = await clusterStatus(deps);
    if (status.healthy && status.aliveWorkers === 2) return status;
    if (Date.now() > deadline) {
      throw new DockerUnavailableError(`The cluster did not become healthy in ${timeoutMs / 1000} s: ${describe(status)}. See \`lakebench cluster logs spark-master\`.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

export function describe(status: ClusterStatus): string {
  const containers = status.containers.map((c) => `${c.service} ${c.state}${c.health !== "none" ? ` (${c.health})` : ""}`).join(", ");
  return `${containers || "no containers"}; workers alive: ${status.aliveWorkers ?? "unknown"}; master UI ${status.masterUi}`;
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  return response.json();
}
