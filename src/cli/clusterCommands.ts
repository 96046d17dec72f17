/** `lakebench cluster start|stop|status|logs`: the Docker Compose Spark cluster. */
import path from "node:path";
import type { Command } from "commander";
import { type ClusterDeps, clusterLogs, clusterStatus, describe, DockerodeEngine, loadConfig, startCluster, stopCluster } from "../core";

export function addClusterCommands(program: Command): void {
  const deps = (): ClusterDeps => ({ engine: new DockerodeEngine() });
  const config = (workspace: string) => loadConfig({ workspace: path.resolve(workspace), env: process.env });
  const cluster = program.command("cluster").description("the Docker Compose Spark cluster (master + 2 workers)");
  cluster
    .command("start")
    .description("build and start the cluster, wait until master and both workers are healthy")
    .option("-w, --workspace <dir>", "workspace", process.cwd())
    .action(async (flags: { workspace: string }) => {
      const status = await startCluster(await config(flags.workspace), deps());
      console.log(`Cluster up: ${describe(status)}`);
    });
  cluster
    .command("stop")
    .description("stop and remove the cluster's containers (data stays)")
    .option("-w, --workspace <dir>", "workspace", process.cwd())
    .action(async (flags: { workspace: string }) => {
      await stopCluster(await config(flags.workspace), deps());
      console.log("Cluster stopped.");
    });
  cluster
    .command("status")
    .description("containers, health, alive workers, master UI link")
    .option("--json", "print as JSON")
    .action(async (flags: { json?: boolean }) => {
      const status = await clusterStatus(deps());
      console.log(flags.json ? JSON.stringify(status, null, 2) : describe(status));
    });
  cluster
    .command("logs")
    .description("the last lines of a service's log")
    .argument("[service]", "spark-master, spark-worker-1, spark-worker-2 or tpchgen", "spark-master")
    .option("-n, --lines <n>", "how many lines", "200")
    .action(async (service: string, flags: { lines: string }) => {
      process.stdout.write(await clusterLogs(deps(), service, Number(flags.lines)));
    });
}
