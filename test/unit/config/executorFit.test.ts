/** An executor fits a worker with Spark's memory overhead counted; Compose defaults always fit. */
import { describe, expect, it } from "vitest";
import { composeExecutor } from "../../../src/core/config/composeExecutor";
import { executorFits, executorOverheadMiB, largestExecutorFor } from "../../../src/core/config/executorFit";
import type { ConfigKey } from "../../../src/core/config/keys";
import { memoryMiB } from "../../../src/core/config/memorySize";

describe("executorFit", () => {
  it("the overhead is max(384 MiB, 10 %)", () => {
    expect(executorOverheadMiB(1024)).toBe(384);
    expect(executorOverheadMiB(3840)).toBe(384);
    expect(executorOverheadMiB(8192)).toBe(819);
  });

  it("counts the overhead: 4g does not fit a 4g worker, 1664m fits a 2g one, 1665m does not", () => {
    expect(executorFits({ cores: 1, memoryMiB: 4096 }, { cores: 4, memoryMiB: 4096 })).toBe(false);
    expect(executorFits({ cores: 1, memoryMiB: 1664 }, { cores: 1, memoryMiB: 2048 })).toBe(true);
    expect(executorFits({ cores: 1, memoryMiB: 1665 }, { cores: 1, memoryMiB: 2048 })).toBe(false);
  });

  it("refuses more cores than the worker has", () => {
    expect(executorFits({ cores: 2, memoryMiB: 512 }, { cores: 1, memoryMiB: 8192 })).toBe(false);
  });

  it.each([1024, 2048, 4223, 4224, 4300, 8192, 65536])("largestExecutorFor a %d MiB worker fits, and one MiB more does not", (worker) => {
    const largest = largestExecutorFor({ cores: 3, memoryMiB: worker });
    expect(largest.cores).toBe(3);
    expect(executorFits(largest, { cores: 3, memoryMiB: worker })).toBe(true);
    expect(executorFits({ ...largest, memoryMiB: largest.memoryMiB + 1 }, { cores: 3, memoryMiB: worker })).toBe(false);
  });
});

describe("composeExecutor", () => {
  const defaults = { executorMemory: "4g", executorCores: 2 };
  const smallWorker = { workerMemory: "2g", workerCores: 1 };
  const none = new Set<ConfigKey>();

  it("derives the executor from the shipped worker size when nothing is set: 1 core, 1664m", () => {
    expect(composeExecutor(defaults, smallWorker, none)).toEqual({ executor: { executorMemory: "1664m", executorCores: 1 }, problems: [] });
  });

  it("keeps explicit values that fit", () => {
    const explicit = new Set<ConfigKey>(["SPARK_EXECUTOR_MEMORY", "SPARK_EXECUTOR_CORES"]);
    const result = composeExecutor({ executorMemory: "1g", executorCores: 1 }, smallWorker, explicit);
    expect(result).toEqual({ executor: { executorMemory: "1g", executorCores: 1 }, problems: [] });
  });

  it("refuses explicit values that do not fit, naming both sizes and keys", () => {
    const explicit = new Set<ConfigKey>(["SPARK_EXECUTOR_MEMORY", "SPARK_EXECUTOR_CORES"]);
    const { problems } = composeExecutor(defaults, smallWorker, explicit);
    expect(problems.map((p) => p.key)).toEqual(["SPARK_EXECUTOR_CORES", "SPARK_EXECUTOR_MEMORY"]);
    for (const problem of problems) {
      expect(problem.allowed).toContain("SPARK_WORKER_CORES=1");
      expect(problem.allowed).toContain("SPARK_WORKER_MEMORY=2g");
    }
    expect(problems[1].allowed).toMatch(/at most 1664m.*4g plus 409m overhead/);
  });

  it("refuses a worker too small to host the smallest executor", () => {
    const { problems } = composeExecutor(defaults, { workerMemory: "800m", workerCores: 1 }, none);
    expect(problems).toEqual([{ key: "SPARK_WORKER_MEMORY", value: "800m", allowed: expect.stringMatching(/at least 896m/) }]);
  });

  it("every derived size fits the worker it came from", () => {
    for (const workerMemory of ["1g", "2g", "3g", "6g", "8g", "64g"]) {
      const { executor } = composeExecutor(defaults, { workerMemory, workerCores: 2 }, none);
      expect(executorFits({ cores: executor.executorCores, memoryMiB: memoryMiB(executor.executorMemory)! }, { cores: 2, memoryMiB: memoryMiB(workerMemory)! })).toBe(true);
    }
  });
});
