/**
 * Executor size with SPARK_MASTER=compose: derived from the Compose worker size unless set,
 * and refused when set too big for a worker — so our own defaults always fit.
 */
import type { ConfigProblem } from "./errors";
import { executorFits, executorFootprintMiB, executorOverheadMiB, largestExecutorFor } from "./executorFit";
import type { ConfigKey } from "./keys";
import { formatMiB, memoryMiB, MIN_JVM_MEMORY_MIB } from "./memorySize";

const OVERHEAD_TEXT = "Spark's memory overhead of max(384m, 10 %)";

export interface ExecutorSettings {
  executorMemory: string;
  executorCores: number;
}

export interface WorkerSettings {
  workerMemory: string;
  workerCores: number;
}

/** `explicit`: the keys the user set (flag, setting, environment or .env), as opposed to defaults. */
export function composeExecutor(
  executor: ExecutorSettings,
  worker: WorkerSettings,
  explicit: ReadonlySet<ConfigKey>,
): { executor: ExecutorSettings; problems: ConfigProblem[] } {
  const workerSize = { cores: worker.workerCores, memoryMiB: memoryMiB(worker.workerMemory)! };
  const largest = largestExecutorFor(workerSize);
  const workerText = `a Compose worker has SPARK_WORKER_CORES=${worker.workerCores} and SPARK_WORKER_MEMORY=${worker.workerMemory}`;
  const problems: ConfigProblem[] = [];
  const derived: ExecutorSettings = { ...executor };

  if (!explicit.has("SPARK_EXECUTOR_CORES")) derived.executorCores = workerSize.cores;
  else if (executor.executorCores > workerSize.cores) {
    problems.push({
      key: "SPARK_EXECUTOR_CORES",
      value: String(executor.executorCores),
      allowed: `at most ${workerSize.cores} with SPARK_MASTER=compose: ${workerText}, and an executor must fit one worker (or leave SPARK_EXECUTOR_CORES unset to use the worker's cores)`,
    });
  }

  if (!explicit.has("SPARK_EXECUTOR_MEMORY")) {
    if (largest.memoryMiB < MIN_JVM_MEMORY_MIB) {
      const needed = formatMiB(executorFootprintMiB(MIN_JVM_MEMORY_MIB));
      problems.push({
        key: "SPARK_WORKER_MEMORY",
        value: worker.workerMemory,
        allowed: `at least ${needed} with SPARK_MASTER=compose: an executor needs ${MIN_JVM_MEMORY_MIB}m plus ${OVERHEAD_TEXT}`,
      });
    } else derived.executorMemory = formatMiB(largest.memoryMiB);
  } else {
    const heap = memoryMiB(executor.executorMemory)!;
    if (!executorFits({ cores: 1, memoryMiB: heap }, { cores: 1, memoryMiB: workerSize.memoryMiB })) {
      problems.push({
        key: "SPARK_EXECUTOR_MEMORY",
        value: executor.executorMemory,
        allowed:
          `at most ${formatMiB(largest.memoryMiB)} with SPARK_MASTER=compose: ${workerText}, and ${executor.executorMemory} plus ` +
          `${formatMiB(executorOverheadMiB(heap))} overhead (${OVERHEAD_TEXT}) does not fit one worker (or leave SPARK_EXECUTOR_MEMORY unset to derive it from the worker)`,
      });
    }
  }
  return { executor: derived, problems };
}

