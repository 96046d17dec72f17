/** The cluster control, loaded on first use: it brings dockerode, which activation does not need. */
import type { BenchConfig } from "../../core/config/benchConfig";
import type { ClusterControl } from "./clusterControl";

export function lazyClusterControl(loadConfig: () => Promise<BenchConfig>): ClusterControl {
  let control: Promise<ClusterControl> | undefined;
  const load = () => (control ??= import("./clusterControl").then((m) => m.coreClusterControl(loadConfig)));
  return {
    start: async (signal) => (await load()).start(signal),
    stop: async (signal) => (await load()).stop(signal),
    status: async () => (await load()).status(),
  };
}
