/**
 * The cluster control, loaded on first use. (It was split off to keep dockerode out of
 * activation; core's one entry, index.ts, now brings dockerode in with everything else.)
 */
import type { BenchConfig } from "../../core";
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
