/** Typos in key names are errors with "did you mean"; other tools' keys stay allowed. */
import { describe, expect, it } from "vitest";
import { editDistance } from "../../../src/core/config/editDistance";
import { FOREIGN_KEYS, unknownKeyProblems } from "../../../src/core/config/unknownKeys";

const keysOf = (entries: Record<string, string>, source: ".env" | "environment") =>
  unknownKeyProblems(Object.entries(entries), source).map((p) => [p.key, p.allowed.replace(/.*did you mean /, "")]);

describe("editDistance", () => {
  it.each([
    ["SPARK_MASTER", "SPARK_MASTER", 0],
    ["SPARK_MASTR", "SPARK_MASTER", 1],
    ["SPARK_MATSER", "SPARK_MASTER", 1],
    ["TPCH_SCALEFACTOR", "TPCH_SCALE_FACTOR", 1],
    ["FRAMEWORK", "FRAMEWORKS", 1],
    ["", "ABC", 3],
    ["kitten", "sitting", 3],
  ])("%j to %j is %d", (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe("unknown keys in .env", () => {
  it("names the issue's typos with the key they were meant to be", () => {
    expect(keysOf({ TPCH_SCALEFACTOR: "abc", FRAMEWORK: "paimon", SPARK_MASTR: "yarn" }, ".env")).toEqual([
      ["TPCH_SCALEFACTOR", "TPCH_SCALE_FACTOR?"],
      ["FRAMEWORK", "FRAMEWORKS?"],
      ["SPARK_MASTR", "SPARK_MASTER?"],
    ]);
  });

  it("refuses any key with one of our prefixes, even far from every known key", () => {
    expect(keysOf({ ICEBERG_CATALOG_TYPE: "hive", LAKEBENCH_FOO: "1", PARQUET_BLOCK: "1" }, ".env").map(([key]) => key)).toEqual(["ICEBERG_CATALOG_TYPE", "LAKEBENCH_FOO", "PARQUET_BLOCK"]);
  });

  it("keeps other tools' keys, our own keys and the Spark and Compose variables", () => {
    expect(keysOf({ AWS_REGION: "eu", DATABASE_URL: "x", NODE_ENV: "test", SPARK_MASTER: "local", SPARK_HOME: "/opt/spark", LAKEBENCH_DATA_DIR: "/d", LAKEBENCH_UID: "1" }, ".env")).toEqual([]);
  });

  it("hides the value of what looks like a mistyped secret", () => {
    const [problem] = unknownKeyProblems([["SPARK_AUTH_SECRT", "0123456789abcdef"]], ".env");
    expect(problem).toMatchObject({ key: "SPARK_AUTH_SECRT", value: "<hidden, 16 characters>", source: ".env" });
  });
});

describe("retired keys", () => {
  it.each([".env", "environment"] as const)("refuses HUDI_TABLE_TYPE with any value in %s, naming the variants that replace it", (source) => {
    for (const value of ["MERGE_ON_READ", "COPY_ON_WRITE", "anything"]) {
      const problems = unknownKeyProblems([["HUDI_TABLE_TYPE", value]], source);
      expect(problems).toEqual([{ key: "HUDI_TABLE_TYPE", value, allowed: expect.stringMatching(/hudi \(COPY_ON_WRITE\) or hudi-mor \(MERGE_ON_READ\) in FRAMEWORKS/), source }]);
      expect(problems[0].allowed).not.toContain("did you mean");
    }
  });

  it("refuses it whatever its case", () => {
    expect(unknownKeyProblems([["hudi_table_type", "MERGE_ON_READ"]], "environment")).toHaveLength(1);
  });
});

describe("unknown keys in the process environment", () => {
  it("flags near-misses of our keys, case included", () => {
    expect(keysOf({ SPARK_MASTR: "yarn", queries: "all", DATADIR: "/x" }, "environment")).toEqual([
      ["SPARK_MASTR", "SPARK_MASTER?"],
      ["queries", "QUERIES?"],
      ["DATADIR", "DATA_DIR?"],
    ]);
  });

  it("leaves alone what Spark, the shell and our test harness set", () => {
    const env = {
      ...Object.fromEntries([...FOREIGN_KEYS].map((key) => [key, "x"])),
      PYSPARK_PYTHON: "python3", PYSPARK_DRIVER_PYTHON: "python3", JAVA_HOME: "/usr/lib/jvm", SPARK_JOBS_DIR: "/x",
      LAKEBENCH_E2E_RUN_TIMEOUT_MS: "1", LAKEBENCH_E2E_ONLY: "x", LAKEBENCH_E2E_KEEP: "1", LAKEBENCH_VSIX: "x.vsix",
      LAKEBENCH_PLAYWRIGHT: "/p", LAKEBENCH_NODE24: "/n", LAKEBENCH_NODE24_HOME: "/n", LAKEBENCH_CODE_SERVER: "/c",
      LAKEBENCH_CHROMIUM: "/c", LAKEBENCH_E2E_ARTIFACTS: "/a", SPARK_CONF_DIR: "/c", TMPDIR: "/tmp", PATH: "/bin",
      QUERY_STRING: "a=b", HOME: "/root", XDG_DATA_DIRS: "/usr/share",
    };
    expect(keysOf(env, "environment")).toEqual([]);
  });

  it("passes this machine's own environment", () => {
    expect(keysOf(process.env as Record<string, string>, "environment")).toEqual([]);
  });
});

describe("in the VS Code extension", () => {
  it("says a mistyped key came from .env, not from the defaults", async () => {
    const { describeConfigError } = await import("../../../src/extension/config/configProblems");
    const { ConfigError } = await import("../../../src/core/config/errors");
    const error = new ConfigError(unknownKeyProblems([["SPARK_MASTR", "yarn"]], ".env"));
    expect(describeConfigError(error, { settings: {}, env: {}, dotenv: {} }).message).toBe(
      'Invalid configuration: SPARK_MASTR="yarn" (from .env): not a Lakehouse Bench key (set in .env): did you mean SPARK_MASTER?',
    );
  });
});
