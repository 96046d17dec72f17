import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../../src/core/config/errors";
import { loadConfig, mergeSources, readDotEnv, redactSecrets, resolvePath } from "../../../src/core/config/load";
import { tempDirs } from "../helpers/fixtures";

const temp = tempDirs();
afterEach(() => temp.cleanup());

/** A workspace with the given .env content (none when undefined). */
function workspace(dotEnv?: string): string {
  const dir = temp.make("lakebench-load-");
  if (dotEnv !== undefined) writeFileSync(path.join(dir, ".env"), dotEnv);
  return dir;
}

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe("loadConfig: defaults", () => {
  it("with no .env, no environment and no flags, gives the defaults with paths resolved", async () => {
    const ws = workspace();
    const config = await loadConfig({ workspace: ws });
    expect(config).toEqual({
      scaleFactor: 1,
      formats: ["iceberg", "delta", "hudi", "parquet"],
      dataDir: path.join(ws, "lakehouse-data"),
      spark: {
        master: "local[*]",
        driverMemory: "4g",
        executorMemory: "4g",
        executorCores: 2,
        shufflePartitions: 16,
        authSecret: "",
        worker: { cores: 1, memory: "2g" },
        masterUi: "",
        executorWaitSeconds: 120,
      },
      formatParallelism: 1,
      parquetCodec: "snappy",
      queries: Array.from({ length: 22 }, (_, i) => i + 1),
      warmupRuns: 1,
      iterations: 3,
      workload: "tpch-read",
      throughputStreams: 2,
      queryParameters: "validation",
      lifecycleRounds: 5,
      iceberg: { formatVersion: "2" },
      delta: { checkpointInterval: 10 },
      cacheDir: path.join(os.homedir(), ".cache", "lakebench"),
    });
  });

  it("does not read the real process environment unless it is passed in", async () => {
    const ws = workspace();
    const saved = process.env.TPCH_SCALE_FACTOR;
    process.env.TPCH_SCALE_FACTOR = "7";
    try {
      expect((await loadConfig({ workspace: ws })).scaleFactor).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.TPCH_SCALE_FACTOR;
      else process.env.TPCH_SCALE_FACTOR = saved;
    }
  });
});

describe("loadConfig: precedence flags > settings > environment > .env > defaults", () => {
  const KEY = "TPCH_SCALE_FACTOR";

  it(".env overrides the default", async () => {
    const ws = workspace(`${KEY}=0.5\n`);
    expect((await loadConfig({ workspace: ws })).scaleFactor).toBe(0.5);
  });

  it("the environment overrides .env", async () => {
    const ws = workspace(`${KEY}=0.5\n`);
    expect((await loadConfig({ workspace: ws, env: { [KEY]: "2" } })).scaleFactor).toBe(2);
  });

  it("settings override the environment", async () => {
    const ws = workspace(`${KEY}=0.5\n`);
    expect((await loadConfig({ workspace: ws, env: { [KEY]: "2" }, settings: { [KEY]: "3" } })).scaleFactor).toBe(3);
  });

  it("flags override settings", async () => {
    const ws = workspace(`${KEY}=0.5\n`);
    const config = await loadConfig({ workspace: ws, env: { [KEY]: "2" }, settings: { [KEY]: "3" }, flags: { [KEY]: "4" } });
    expect(config.scaleFactor).toBe(4);
  });

  it("each key falls through to the highest layer that sets it", async () => {
    const ws = workspace("QUERIES=1-3\nQUERY_ITERATIONS=7\nQUERY_WARMUP_RUNS=0\nPARQUET_CODEC=gzip\n");
    const config = await loadConfig({
      workspace: ws,
      env: { QUERY_ITERATIONS: "5", PARQUET_CODEC: "zstd" },
      settings: { PARQUET_CODEC: "uncompressed" },
      flags: { TPCH_SCALE_FACTOR: "0.01" },
    });
    expect(config.queries).toEqual([1, 2, 3]); // .env
    expect(config.iterations).toBe(5); // env over .env
    expect(config.warmupRuns).toBe(0); // .env
    expect(config.parquetCodec).toBe("uncompressed"); // settings over env
    expect(config.scaleFactor).toBe(0.01); // flag
    expect(config.spark.shufflePartitions).toBe(16); // default
  });

  it("an empty value in the environment or a setting does not hide a lower layer's value", async () => {
    const ws = workspace("TPCH_SCALE_FACTOR=0.5\n");
    const config = await loadConfig({ workspace: ws, env: { TPCH_SCALE_FACTOR: "" }, settings: { TPCH_SCALE_FACTOR: "" } });
    expect(config.scaleFactor).toBe(0.5);
  });

  it("an empty value in .env means unset: the default applies", async () => {
    expect((await loadConfig({ workspace: workspace("TPCH_SCALE_FACTOR=\nSPARK_AUTH_SECRET=\n") })).scaleFactor).toBe(1);
  });

  it("an empty flag is an error naming its key, not the default", async () => {
    const error = await configError(loadConfig({ workspace: workspace("TPCH_SCALE_FACTOR=0.5\n"), flags: { TPCH_SCALE_FACTOR: "", QUERIES: " " } }));
    expect(error.problems.map((p) => p.key).sort()).toEqual(["QUERIES", "TPCH_SCALE_FACTOR"]);
    expect(error.problems[0]).toMatchObject({ source: "flag", allowed: expect.stringMatching(/empty flag does not mean the default/) });
  });

  it("mergeSources shows the merged raw strings, ignoring unknown environment variables", async () => {
    const ws = workspace("SPARK_MASTER=local[2]\n");
    const raw = await mergeSources({ workspace: ws, env: { PATH: "/bin", HOME: "/root", SPARK_DRIVER_MEMORY: "8g" } });
    expect(raw.SPARK_MASTER).toBe("local[2]");
    expect(raw.SPARK_DRIVER_MEMORY).toBe("8g");
    expect(raw.TPCH_SCALE_FACTOR).toBe("1");
    expect(raw).not.toHaveProperty("PATH");
    expect(raw).not.toHaveProperty("HOME");
  });
});

describe("readDotEnv", () => {
  it("returns an empty object when there is no .env", async () => {
    expect(await readDotEnv(workspace())).toEqual({});
  });

  it("reads only known keys, with comments and quotes handled", async () => {
    const ws = workspace('# a comment\nFRAMEWORKS="iceberg,delta"\nUNRELATED=1\nSPARK_MASTER=local[4] # trailing comment\n');
    expect(await readDotEnv(ws)).toEqual({ FRAMEWORKS: "iceberg,delta", SPARK_MASTER: "local[4]" });
  });
});

describe("loadConfig: paths", () => {
  it("resolves a relative DATA_DIR against the workspace, not the current directory", async () => {
    const ws = workspace();
    const config = await loadConfig({ workspace: ws, flags: { DATA_DIR: "data/here" } });
    expect(config.dataDir).toBe(path.join(ws, "data", "here"));
  });

  it("expands ~ in LAKEBENCH_CACHE_DIR to the home directory", async () => {
    const config = await loadConfig({ workspace: workspace(), flags: { LAKEBENCH_CACHE_DIR: "~/lb-cache" } });
    expect(config.cacheDir).toBe(path.join(os.homedir(), "lb-cache"));
  });

  it("resolvePath keeps absolute paths and does not expand ~ in the middle of a path", () => {
    expect(resolvePath("/abs/dir", "/ws")).toBe("/abs/dir");
    expect(resolvePath("a/~/b", "/ws")).toBe("/ws/a/~/b");
    expect(resolvePath("~", "/ws")).toBe(os.homedir());
  });

  it("accepts a DATA_DIR that does not exist yet when its nearest existing ancestor is writable", async () => {
    const ws = workspace();
    const config = await loadConfig({ workspace: ws, flags: { DATA_DIR: "not/yet/there" } });
    expect(config.dataDir).toBe(path.join(ws, "not", "yet", "there"));
  });

  it("rejects a DATA_DIR that is a regular file", async () => {
    const ws = workspace();
    writeFileSync(path.join(ws, "a-file"), "x");
    const error = await configError(loadConfig({ workspace: ws, flags: { DATA_DIR: "a-file" } }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ key: "DATA_DIR", value: "a-file" });
    expect(error.problems[0].allowed).toMatch(/is a file/);
  });

  it("rejects a DATA_DIR under a regular file", async () => {
    const ws = workspace();
    writeFileSync(path.join(ws, "a-file"), "x");
    const error = await configError(loadConfig({ workspace: ws, flags: { DATA_DIR: "a-file/data" } }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ key: "DATA_DIR", value: "a-file/data" });
    expect(error.problems[0].allowed).toMatch(/director/);
    expect(error.message).toContain("DATA_DIR");
  });

  it.skipIf(process.getuid?.() === 0)("rejects a DATA_DIR whose nearest existing ancestor is not writable", async () => {
    const ws = workspace();
    const locked = path.join(ws, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    try {
      const error = await configError(loadConfig({ workspace: ws, flags: { DATA_DIR: "locked/data" } }));
      expect(error.problems[0]).toMatchObject({ key: "DATA_DIR", value: "locked/data" });
      expect(error.problems[0].allowed).toMatch(/writable/);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

describe("ConfigError", () => {
  it("lists every invalid key with its value and what is allowed", async () => {
    const ws = workspace("QUERIES=23\n");
    const error = await configError(
      loadConfig({
        workspace: ws,
        env: { SPARK_DRIVER_MEMORY: "lots" },
        flags: { TPCH_SCALE_FACTOR: "abc", FRAMEWORKS: "iceberg,snowflake", QUERY_ITERATIONS: "0" },
      }),
    );
    const byKey = Object.fromEntries(error.problems.map((p) => [p.key, p]));
    expect(Object.keys(byKey).sort()).toEqual(["FRAMEWORKS", "QUERIES", "QUERY_ITERATIONS", "SPARK_DRIVER_MEMORY", "TPCH_SCALE_FACTOR"]);
    expect(byKey.TPCH_SCALE_FACTOR).toEqual({ key: "TPCH_SCALE_FACTOR", value: "abc", allowed: expect.stringMatching(/from 0\.001 to 10000/) });
    expect(byKey.FRAMEWORKS.value).toBe("iceberg,snowflake");
    expect(byKey.QUERIES.value).toBe("23");
    expect(byKey.QUERY_ITERATIONS.allowed).toMatch(/from 1 to 1000/);
    expect(byKey.SPARK_DRIVER_MEMORY.value).toBe("lots");
    for (const problem of error.problems) {
      expect(error.message).toContain(`${problem.key}=${JSON.stringify(problem.value)}: ${problem.allowed}`);
    }
  });

  it("has exit code 2 and the name ConfigError", async () => {
    const error = await configError(loadConfig({ workspace: workspace(), flags: { TPCH_SCALE_FACTOR: "0" } }));
    expect(error.exitCode).toBe(2);
    expect(error.name).toBe("ConfigError");
    expect(error).toBeInstanceOf(Error);
  });

  it("reports an invalid value from .env with the value found there", async () => {
    const error = await configError(loadConfig({ workspace: workspace("SPARK_MASTER=yarn\n") }));
    expect(error.problems).toEqual([{ key: "SPARK_MASTER", value: "yarn", allowed: expect.stringContaining("spark://host:port") }]);
  });

  it("reports a DATA_DIR problem together with the other invalid keys, not one round later", async () => {
    const ws = workspace();
    writeFileSync(path.join(ws, "a-file"), "x");
    const error = await configError(loadConfig({ workspace: ws, flags: { DATA_DIR: "a-file", TPCH_SCALE_FACTOR: "abc" } }));
    expect(error.problems.map((p) => p.key).sort()).toEqual(["DATA_DIR", "TPCH_SCALE_FACTOR"]);
  });
});

describe("secrets", () => {
  const SECRET = "s3cr3t-value-that-is-long-enough";

  it("loads SPARK_AUTH_SECRET from .env for a cluster master", async () => {
    const config = await loadConfig({ workspace: workspace(`SPARK_MASTER=compose\nSPARK_AUTH_SECRET=${SECRET}\n`) });
    expect(config.spark.master).toBe("compose");
    expect(config.spark.authSecret).toBe(SECRET);
  });

  it("refuses a cluster master without a secret, naming SPARK_AUTH_SECRET", async () => {
    const error = await configError(loadConfig({ workspace: workspace(), flags: { SPARK_MASTER: "spark://h:7077" } }));
    expect(error.problems.map((p) => p.key)).toEqual(["SPARK_AUTH_SECRET"]);
    expect(error.problems[0].allowed).toMatch(/required with SPARK_MASTER=spark:\/\/h:7077/);
  });

  it("never shows the secret's value in a ConfigError", async () => {
    const short = "tooshort-secret"; // 15 characters
    const error = await configError(loadConfig({ workspace: workspace(), env: { SPARK_MASTER: "compose", SPARK_AUTH_SECRET: short } }));
    expect(error.problems).toEqual([{ key: "SPARK_AUTH_SECRET", value: "<hidden, 15 characters>", allowed: expect.any(String) }]);
    expect(error.message).not.toContain(short);
  });

  it("redactSecrets replaces only the secret, by its length, and leaves an empty one alone", () => {
    const raw = { SPARK_AUTH_SECRET: SECRET, SPARK_MASTER: "compose" };
    expect(redactSecrets(raw)).toEqual({ SPARK_AUTH_SECRET: `<hidden, ${SECRET.length} characters>`, SPARK_MASTER: "compose" });
    expect(raw.SPARK_AUTH_SECRET).toBe(SECRET); // the input is not changed
    expect(redactSecrets({ SPARK_AUTH_SECRET: "" })).toEqual({ SPARK_AUTH_SECRET: "" });
  });
});

describe("the new cluster settings", () => {
  it("loads FRAMEWORK_PARALLELISM and the worker sizes", async () => {
    const config = await loadConfig({
      workspace: workspace("FRAMEWORK_PARALLELISM=2\nSPARK_WORKER_CORES=4\n"),
      flags: { SPARK_WORKER_MEMORY: "8G" },
    });
    expect(config.formatParallelism).toBe(2);
    expect(config.spark.worker).toEqual({ cores: 4, memory: "8g" });
  });
});

describe("QUERY_ITERATIONS=auto", () => {
  it("gives 3 as the minimum timed runs and the auto settings with their defaults", async () => {
    const config = await loadConfig({ workspace: workspace("QUERY_ITERATIONS=auto\n") });
    expect(config.iterations).toBe(3);
    expect(config.autoIterations).toEqual({ maxIterations: 20, targetRelativeHalfWidth: 0.1 });
  });

  it("takes QUERY_MAX_ITERATIONS and QUERY_TARGET_CI_WIDTH from any layer", async () => {
    const config = await loadConfig({ workspace: workspace("QUERY_MAX_ITERATIONS=50\n"), env: { QUERY_TARGET_CI_WIDTH: "0.05" }, flags: { QUERY_ITERATIONS: "AUTO" } });
    expect(config.autoIterations).toEqual({ maxIterations: 50, targetRelativeHalfWidth: 0.05 });
  });

  it("a fixed count has no autoIterations at all", async () => {
    const config = await loadConfig({ workspace: workspace("QUERY_ITERATIONS=7\nQUERY_MAX_ITERATIONS=50\n") });
    expect(config.iterations).toBe(7);
    expect(config).not.toHaveProperty("autoIterations");
  });
});

describe("SPARK_MASTER=compose: the executor fits a worker", () => {
  const cluster = "SPARK_MASTER=compose\nSPARK_AUTH_SECRET=0123456789abcdef0123\n";

  it("with the shipped defaults, derives 1 core and 1664m from the 1-core 2g workers", async () => {
    const config = await loadConfig({ workspace: workspace(cluster) });
    expect(config.spark).toMatchObject({ executorCores: 1, executorMemory: "1664m", worker: { cores: 1, memory: "2g" } });
  });

  it("follows bigger workers", async () => {
    const config = await loadConfig({ workspace: workspace(cluster + "SPARK_WORKER_CORES=4\nSPARK_WORKER_MEMORY=8g\n") });
    expect(config.spark).toMatchObject({ executorCores: 4, executorMemory: "7448m" });
  });

  it("refuses an explicit executor bigger than a worker, naming both keys and sizes", async () => {
    const error = await configError(loadConfig({ workspace: workspace(cluster), env: { SPARK_EXECUTOR_MEMORY: "4g" } }));
    expect(error.problems).toEqual([{ key: "SPARK_EXECUTOR_MEMORY", value: "4g", allowed: expect.stringMatching(/SPARK_WORKER_MEMORY=2g.*at most 1664m|at most 1664m.*SPARK_WORKER_MEMORY=2g/) }]);
  });

  it("outside compose mode keeps the executor defaults as they are", async () => {
    const config = await loadConfig({ workspace: workspace() });
    expect(config.spark).toMatchObject({ executorCores: 2, executorMemory: "4g" });
  });
});

describe("loadConfig: DATA_DIR must be a directory of its own", () => {
  it.each([
    ["the filesystem root", () => "/"],
    ["a system directory", () => "/usr"],
    ["the home directory", () => os.homedir()],
    ["the workspace itself", () => "."],
    ["a directory holding the workspace", () => ".."],
  ])("refuses %s", async (_what, value) => {
    const error = await configError(loadConfig({ workspace: workspace(), flags: { DATA_DIR: value() } }));
    expect(error.problems).toEqual([{ key: "DATA_DIR", value: value(), allowed: expect.stringMatching(/a directory of its own/) }]);
  });

  it("sees through a link to the root", async () => {
    const ws = workspace();
    symlinkSync("/", path.join(ws, "root-link"));
    const error = await configError(loadConfig({ workspace: ws, flags: { DATA_DIR: "root-link/" } }));
    expect(error.problems[0].allowed).toMatch(/\(\/\) is the filesystem root/);
  });

  it("accepts a folder below the home directory or the workspace", async () => {
    const ws = workspace();
    expect((await loadConfig({ workspace: ws, flags: { DATA_DIR: "sub/data" } })).dataDir).toBe(path.join(ws, "sub", "data"));
  });
});

describe("loadConfig: unknown keys and unreadable files", () => {
  it("refuses a typo in .env with did you mean, and says it came from .env", async () => {
    const error = await configError(loadConfig({ workspace: workspace("TPCH_SCALEFACTOR=abc\nOTHER_TOOL=1\n") }));
    expect(error.problems).toEqual([{ key: "TPCH_SCALEFACTOR", value: "abc", source: ".env", allowed: expect.stringMatching(/did you mean TPCH_SCALE_FACTOR\?/) }]);
  });

  it("refuses a near-miss in the environment, not Spark's own variables", async () => {
    const env = { SPARK_MASTR: "yarn", SPARK_HOME: "/opt/spark", SPARK_LOCAL_IP: "127.0.0.1", _SPARK_AUTH_SECRET: "x" };
    const error = await configError(loadConfig({ workspace: workspace(), env }));
    expect(error.problems.map((p) => p.key)).toEqual(["SPARK_MASTR"]);
  });

  it("a .env that is a directory is a clear ConfigError, not a raw EISDIR", async () => {
    const ws = workspace();
    mkdirSync(path.join(ws, ".env"));
    const error = await configError(loadConfig({ workspace: ws }));
    expect(error.problems).toEqual([{ key: ".env", value: path.join(ws, ".env"), allowed: expect.stringMatching(/readable file.*EISDIR/) }]);
  });
});

describe("mergeSources with SPARK_MASTER=compose", () => {
  it("records the executor size actually used, derived from the worker", async () => {
    const raw = await mergeSources({ workspace: workspace("SPARK_MASTER=compose\nSPARK_WORKER_MEMORY=4g\nSPARK_WORKER_CORES=2\n") });
    expect(raw).toMatchObject({ SPARK_EXECUTOR_MEMORY: "3712m", SPARK_EXECUTOR_CORES: "2" });
  });

  it("keeps explicit executor values as given", async () => {
    const raw = await mergeSources({ workspace: workspace("SPARK_MASTER=compose\n"), env: { SPARK_EXECUTOR_MEMORY: "1g" } });
    expect(raw).toMatchObject({ SPARK_EXECUTOR_MEMORY: "1g", SPARK_EXECUTOR_CORES: "1" });
  });
});
