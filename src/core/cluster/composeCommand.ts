/** Pure builders for Docker Compose command lines (Compose is not part of the Engine API). */
import path from "node:path";
import type { BenchConfig } from "../config/benchConfig";
import { PROJECT_ROOT } from "../environment/toolchain";
import { COMPOSE_PROJECT } from "./composeProject";
import type { Command } from "../runners/command";

/** `docker compose` (the plugin) or the standalone `docker-compose`. */
export interface ComposeCli {
  file: string;
  prefix: string[];
}

export type ComposeAction = "up" | "down" | "config";

export function composeCommand(cli: ComposeCli, action: ComposeAction, config: BenchConfig): Command {
  const actionArgs = { up: ["up", "--detach", "--build"], down: ["down", "--remove-orphans"], config: ["config", "--quiet"] }[action];
  return compose(cli, config, actionArgs);
}

/** A one-off container of a service running `inner` (e.g. tpchgen-cli in the datagen profile). */
export function composeRunCommand(cli: ComposeCli, config: BenchConfig, service: string, inner: Command): Command {
  return compose(cli, config, ["--profile", "datagen", "run", "--rm", service, path.basename(inner.file), ...inner.args]);
}

function compose(cli: ComposeCli, config: BenchConfig, args: string[]): Command {
  return {
    file: cli.file,
    args: [...cli.prefix, "--project-name", COMPOSE_PROJECT, "--file", path.join(PROJECT_ROOT, "docker-compose.yml"), ...args],
    cwd: PROJECT_ROOT,
    env: composeEnvironment(config),
  };
}

/** The values docker-compose.yml interpolates; the data directory keeps its path in every container. */
export function composeEnvironment(config: BenchConfig): Record<string, string> {
  return {
    LAKEBENCH_DATA_DIR: config.dataDir,
    SPARK_AUTH_SECRET: config.spark.authSecret,
    SPARK_WORKER_CORES: String(config.spark.worker.cores),
    SPARK_WORKER_MEMORY: config.spark.worker.memory,
    TPCH_SCALE_FACTOR: String(config.scaleFactor),
    // Containers write the data directory as the user running the benchmark.
    LAKEBENCH_UID: String(process.getuid?.() ?? 185),
    LAKEBENCH_GID: String(process.getgid?.() ?? 185),
  };
}
