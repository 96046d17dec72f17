/** .env.example documents every key, is itself valid, and every key changes the configuration. */
import { promises as fs } from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import { afterEach, describe, expect, it } from "vitest";
import { CONFIG_KEYS, type ConfigKey, type RawConfig } from "../../../src/core/config/keys";
import { loadConfig } from "../../../src/core/config/load";
import { tempDirs } from "../helpers/fixtures";

const REPO = path.resolve(__dirname, "../../..");
const temp = tempDirs();
afterEach(() => temp.cleanup());

/** A valid value different from the default for every key. */
const ALTERNATIVES: Record<ConfigKey, string> = {
  TPCH_SCALE_FACTOR: "0.1",
  FRAMEWORKS: "delta",
  DATA_DIR: "./elsewhere",
  SPARK_MASTER: "local[2]",
  SPARK_DRIVER_MEMORY: "1g",
  SPARK_EXECUTOR_MEMORY: "1g",
  SPARK_EXECUTOR_CORES: "1",
  SPARK_SHUFFLE_PARTITIONS: "4",
  PARQUET_CODEC: "zstd",
  QUERIES: "1-3",
  QUERY_WARMUP_RUNS: "0",
  QUERY_ITERATIONS: "5",
  QUERY_MAX_ITERATIONS: "50",
  QUERY_TARGET_CI_WIDTH: "0.05",
  ICEBERG_FORMAT_VERSION: "1",
  DELTA_CHECKPOINT_INTERVAL: "20",
  LAKEBENCH_CACHE_DIR: "/tmp/other-cache",
  SPARK_AUTH_SECRET: "0123456789abcdef-secret",
  FRAMEWORK_PARALLELISM: "2",
  SPARK_WORKER_CORES: "4",
  SPARK_WORKER_MEMORY: "8g",
  SPARK_MASTER_UI_URL: "http://spark-host:18080",
  SPARK_EXECUTOR_WAIT_SECONDS: "30",
  WORKLOAD: "tpch-qphh",
  THROUGHPUT_STREAMS: "3",
  QUERY_PARAMETERS: "generated",
  LIFECYCLE_ROUNDS: "3",
};

/** Keys that only matter together with another key's value. */
const CONTEXT: Partial<Record<ConfigKey, RawConfig>> = {
  QUERY_MAX_ITERATIONS: { QUERY_ITERATIONS: "auto" },
  QUERY_TARGET_CI_WIDTH: { QUERY_ITERATIONS: "auto" },
};

describe(".env.example", () => {
  it("documents exactly the keys of the schema", async () => {
    const documented = Object.keys(dotenv.parse(await fs.readFile(path.join(REPO, ".env.example"), "utf8")));
    expect(documented.sort()).toEqual([...CONFIG_KEYS].sort());
  });

  it("is a valid configuration as it stands", async () => {
    const workspace = temp.make();
    await fs.copyFile(path.join(REPO, ".env.example"), path.join(workspace, ".env"));
    await expect(loadConfig({ workspace })).resolves.toMatchObject({ spark: { master: "local[*]" } });
  });

  it.each(CONFIG_KEYS)("uses %s: another valid value changes the loaded configuration", async (key) => {
    const workspace = temp.make();
    const base = await loadConfig({ workspace, env: {}, flags: CONTEXT[key] });
    const changed = await loadConfig({ workspace, env: {}, flags: { ...CONTEXT[key], [key]: ALTERNATIVES[key] } });
    expect(JSON.stringify(changed)).not.toEqual(JSON.stringify(base));
  });
});
