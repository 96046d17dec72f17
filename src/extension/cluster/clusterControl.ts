/** The Docker Compose Spark cluster, through core's cluster module (docker compose via execa, state via dockerode). */
import { type BenchConfig, clusterStatus, type ContainerEngine, describe, DockerodeEngine, MASTER_UI, startCluster, stopCluster } from "../../core";

export interface ClusterView {
  healthy: boolean;
  /** One line: containers, workers alive, where the master UI is. */
  summary: string;
  masterUi: string;
}

export interface ClusterControl {
  start(signal: AbortSignal): Promise<ClusterView>;
  stop(signal: AbortSignal): Promise<void>;
  status(): Promise<ClusterView>;
}

export function coreClusterControl(loadConfig: () => Promise<BenchConfig>, engine: () => ContainerEngine = () => new DockerodeEngine()): ClusterControl {
  const view = (status: Awaited<ReturnType<typeof clusterStatus>>): ClusterView => ({ healthy: status.healthy, summary: describe(status), masterUi: status.masterUi ?? MASTER_UI });
  return {
    start: async (signal) => view(await startCluster(await loadConfig(), { engine: engine() }, signal)),
    stop: async (signal) => stopCluster(await loadConfig(), { engine: engine() }, signal),
    status: async () => view(await clusterStatus({ engine: engine() })),
  };
}
