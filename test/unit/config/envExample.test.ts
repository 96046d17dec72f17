/** .env.example documents every key, is itself valid, and every key changes the configuration. */
import { promises as fs } from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS, type ConfigKey } from "../../../src/core/config/keys";
import { loadConfig } from "../../../src/core/config/load";
import { makeTempDir } from "../helpers/fixtures";

const REPO = path.resolve(__dirname, "../../..");

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
  ICEBERG_FORMAT_VERSION: "1",
  DELTA_CHECKPOINT_INTERVAL: "20",
  HUDI_TABLE_TYPE: "MERGE_ON_READ",
  LAKEBENCH_CACHE_DIR: "/tmp/other-cache",
  SPARK_AUTH_SECRET: "0123456789abcdef-secret",
  FRAMEWORK_PARALLELISM: "2",
  SPARK_WORKER_CORES: "4",
  SPARK_WORKER_MEMORY: "8g",
};

describe(".env.example", () => {
  it("documents exactly the keys of the schema", async () => {
    const documented = Object.keys(dotenv.parse(await fs.readFile(path.join(REPO, ".env.example"), "utf8")));
    expect(documented.sort()).toEqual([...CONFIG_KEYS].sort());
  });

  it("is a valid configuration as it stands", async () => {
    const workspace = makeTempDir();
    await fs.copyFile(path.join(REPO, ".env.example"), path.join(workspace, ".env"));
    await expect(loadConfig({ workspace })).resolves.toMatchObject({ spark: { master: "local[*]" } });
    await fs.rm(workspace, { recursive: true });
  });

  it.each(CONFIG_KEYS)("uses %s: another valid value changes the loaded configuration", async (key) => {
    const workspace = makeTempDir();
    const base = await loadConfig({ workspace, env: {} });
    const changed = await loadConfig({ workspace, env: {}, flags: { [key]: ALTERNATIVES[key] } });
    expect(JSON.stringify(changed)).not.toEqual(JSON.stringify(base));
    await fs.rm(workspace, { recursive: true });
  });
});
