/** Shared test fixtures: a hand-built BenchConfig and temporary directories that clean up. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchConfig } from "../../../src/core/config/benchConfig";

/** Overrides for benchConfig(); `spark` may name only the settings that differ. */
export type BenchConfigOverrides = Omit<Partial<BenchConfig>, "spark"> & { spark?: Partial<BenchConfig["spark"]> };

export function benchConfig(overrides: BenchConfigOverrides = {}): BenchConfig {
  const base: BenchConfig = {
    scaleFactor: 0.01,
    formats: ["iceberg", "delta", "hudi", "parquet"],
    dataDir: "/tmp/lakebench-test-data",
    spark: {
      master: "local[*]",
      driverMemory: "4g",
      executorMemory: "2g",
      executorCores: 2,
      shufflePartitions: 16,
      authSecret: "",
      worker: { cores: 1, memory: "2g" },
      masterUi: "",
      executorWaitSeconds: 120,
    },
    formatParallelism: 1,
    parquetCodec: "snappy",
    queries: [1, 2, 3],
    warmupRuns: 1,
    iterations: 3,
    workload: "tpch-read",
    throughputStreams: 2,
    lifecycleRounds: 2,
    queryParameters: "validation",
    iceberg: { formatVersion: "2" },
    delta: { checkpointInterval: 10 },
    cacheDir: "/tmp/x",
  };
  return { ...base, ...overrides, spark: { ...base.spark, ...overrides.spark } };
}

/** A fresh directory under os.tmpdir(); call the returned cleanup (or use tempDirs()). */
export function makeTempDir(prefix = "lakebench-unit-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Temp directories created during a test file, removed by cleanup(). */
export function tempDirs() {
  const made: string[] = [];
  return {
    make(prefix?: string): string {
      const dir = makeTempDir(prefix);
      made.push(dir);
      return dir;
    },
    cleanup(): void {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
