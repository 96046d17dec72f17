/** Start, stop and inspect the Docker Compose Spark cluster (SPARK_MASTER=compose). */
import type { ClusterControl } from "../cluster/clusterControl";
import { adviseError } from "../run/errorAdvice";
import type { LogSink, Ui } from "../ui/ui";
import { COMMANDS, type CommandEntry } from "./commandIds";
import { refuseUntrusted } from "./trust";

export function clusterCommands(deps: { cluster: ClusterControl; ui: Ui; log: LogSink }): CommandEntry[] {
  const { ui, log, cluster } = deps;
  const guarded = (task: () => Promise<unknown>) => async () => {
    if (await refuseUntrusted(ui)) return;
    try {
      await task();
    } catch (error) {
      const advice = adviseError(error);
      log.error(advice.message);
      const choice = await ui.error(advice.message, ...advice.actions.map((a) => a.title));
      const action = advice.actions.find((a) => a.title === choice);
      if (action) await ui.executeCommand(action.command, ...(action.args ?? []));
    }
  };
  const offerUi = async (message: string, masterUi: string, healthy: boolean) => {
    log.info(message);
    const choice = await (healthy ? ui.info(message, "Open Spark UI") : ui.warn(message, "Open Spark UI"));
    if (choice) await ui.openExternal(masterUi);
  };
  return [
    {
      id: COMMANDS.clusterStart,
      run: guarded(async () => {
        const status = await ui.withProgress("Starting the Spark cluster (docker compose up)", (_report, signal) => cluster.start(signal));
        await offerUi(`Spark cluster started: ${status.summary}`, status.masterUi, status.healthy);
      }),
    },
    {
      id: COMMANDS.clusterStop,
      run: guarded(async () => {
        await ui.withProgress("Stopping the Spark cluster (docker compose down)", (_report, signal) => cluster.stop(signal));
        log.info("Spark cluster stopped");
        await ui.info("Spark cluster stopped.");
      }),
    },
    {
      id: COMMANDS.clusterStatus,
      run: guarded(async () => {
        const status = await cluster.status();
        await offerUi(`Spark cluster ${status.healthy ? "healthy" : "not healthy"}: ${status.summary}`, status.masterUi, status.healthy);
      }),
    },
  ];
}
