import { describe, expect, it } from "vitest";
import { CONFIG_DEFAULTS, CONFIG_KEYS, FORMAT_IDS, RETIRED_KEYS, type ConfigKey } from "../../../src/core/config/keys";
import { MIN_SECRET_LENGTH, rawConfigFields, rawConfigSchema } from "../../../src/core/config/schema";

/** A secret long enough for a cluster master. */
const SECRET = "0123456789abcdef0123456789abcdef";

/** Parses the defaults with one key changed (and a secret, so cluster masters can be tried). */
function parseWith(key: ConfigKey, value: string) {
  return rawConfigSchema.safeParse({ ...CONFIG_DEFAULTS, SPARK_AUTH_SECRET: SECRET, [key]: value });
}

function valueOf(key: ConfigKey, value: string): unknown {
  const result = parseWith(key, value);
  if (!result.success) throw new Error(`${key}=${value} was rejected: ${result.error.message}`);
  return result.data[key];
}

function problemsFor(key: ConfigKey, value: string): { path: string; message: string }[] {
  const result = parseWith(key, value);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

function expectRejected(key: ConfigKey, value: string, allowedText: RegExp): void {
  const problems = problemsFor(key, value);
  expect(problems, `${key}=${JSON.stringify(value)} should be rejected`).toHaveLength(1);
  expect(problems[0].path).toBe(key);
  expect(problems[0].message).toMatch(allowedText);
}

describe("config schema: defaults", () => {
  it("accepts every default and gives the documented typed values", () => {
    const result = rawConfigSchema.safeParse(CONFIG_DEFAULTS);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data).toEqual({
      TPCH_SCALE_FACTOR: 1,
      FRAMEWORKS: ["iceberg", "delta", "hudi", "parquet"],
      DATA_DIR: "./lakehouse-data",
      SPARK_MASTER: "local[*]",
      SPARK_DRIVER_MEMORY: "4g",
      SPARK_EXECUTOR_MEMORY: "4g",
      SPARK_EXECUTOR_CORES: 2,
      SPARK_SHUFFLE_PARTITIONS: 16,
      PARQUET_CODEC: "snappy",
      QUERIES: Array.from({ length: 22 }, (_, i) => i + 1),
      QUERY_WARMUP_RUNS: 1,
      QUERY_ITERATIONS: 3,
      QUERY_MAX_ITERATIONS: 20,
      QUERY_TARGET_CI_WIDTH: 0.1,
      ICEBERG_FORMAT_VERSION: "2",
      WORKLOAD: "tpch-read",
      THROUGHPUT_STREAMS: "auto",
      QUERY_PARAMETERS: "validation",
      LIFECYCLE_ROUNDS: 5,
      DELTA_CHECKPOINT_INTERVAL: 10,
      LAKEBENCH_CACHE_DIR: "~/.cache/lakebench",
      SPARK_AUTH_SECRET: "",
      FRAMEWORK_PARALLELISM: 1,
      SPARK_WORKER_CORES: 1,
      SPARK_WORKER_MEMORY: "2g",
      SPARK_MASTER_UI_URL: "",
      SPARK_EXECUTOR_WAIT_SECONDS: 120,
    });
  });

  it("has a schema entry for every configuration key and no other", () => {
    expect(Object.keys(rawConfigFields.shape).sort()).toEqual([...CONFIG_KEYS].sort());
  });

  it("reports a missing key as a problem of that key", () => {
    const { TPCH_SCALE_FACTOR: _omitted, ...rest } = CONFIG_DEFAULTS;
    void _omitted;
    const result = rawConfigSchema.safeParse(rest);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path[0])).toEqual(["TPCH_SCALE_FACTOR"]);
  });
});

describe("TPCH_SCALE_FACTOR", () => {
  it.each([
    ["0.01", 0.01],
    ["1", 1],
    ["10", 10],
    [".5", 0.5],
    [" 2 ", 2],
    ["10000", 10000],
    ["0.001", 0.001],
    ["0.010", 0.01],
  ])("accepts %j as %d", (raw, expected) => {
    expect(valueOf("TPCH_SCALE_FACTOR", raw)).toBe(expected);
  });

  it.each(["abc", "0", "-1", "0.0", "", "1e2", "1.", "10001", "1,5", "Infinity", "NaN", "0.0005", "0.0015", "0.0000001"])("rejects %j", (raw) => {
    expectRejected("TPCH_SCALE_FACTOR", raw, /from 0\.001 to 10000 with at most 3 decimals/);
  });

  it("never gives a value that prints in exponent notation (it names the Iceberg namespace)", () => {
    for (const raw of ["0.001", "0.123", "9999.999", "10000"]) expect(String(valueOf("TPCH_SCALE_FACTOR", raw))).not.toMatch(/e/);
  });
});

describe("FRAMEWORKS", () => {
  it("accepts a single framework", () => {
    expect(valueOf("FRAMEWORKS", "iceberg")).toEqual(["iceberg"]);
  });

  it.each(["iceberg", "iceberg-mor", "delta", "delta-dv", "hudi", "hudi-mor", "parquet"])("accepts the format variant %j", (id) => {
    expect(valueOf("FRAMEWORKS", id)).toEqual([id]);
  });

  it("accepts all seven variants at once, in the order given", () => {
    expect(FORMAT_IDS).toHaveLength(7);
    expect(valueOf("FRAMEWORKS", [...FORMAT_IDS].reverse().join(","))).toEqual([...FORMAT_IDS].reverse());
    expect(valueOf("FRAMEWORKS", "Iceberg-MOR,hudi,HUDI-mor")).toEqual(["iceberg-mor", "hudi", "hudi-mor"]);
  });

  it("keeps the order given, trims spaces and lower-cases names", () => {
    expect(valueOf("FRAMEWORKS", " Delta , iceberg,PARQUET ")).toEqual(["delta", "iceberg", "parquet"]);
  });

  it("removes duplicates, keeping the first occurrence", () => {
    expect(valueOf("FRAMEWORKS", "hudi,iceberg,hudi,ICEBERG")).toEqual(["hudi", "iceberg"]);
  });

  it("ignores empty items between commas", () => {
    expect(valueOf("FRAMEWORKS", "iceberg,,delta,")).toEqual(["iceberg", "delta"]);
  });

  it.each(["snowflake", "iceberg,snowflake", "", ",", "iceberg;delta", "iceberg-cow", "hudi_mor", "delta dv"])("rejects %j, naming the allowed variants", (raw) => {
    expectRejected("FRAMEWORKS", raw, /iceberg, iceberg-mor, delta, delta-dv, hudi, hudi-mor, parquet/);
  });
});

describe("QUERIES", () => {
  it('accepts "all" (any case) as queries 1 to 22', () => {
    const all = Array.from({ length: 22 }, (_, i) => i + 1);
    expect(valueOf("QUERIES", "all")).toEqual(all);
    expect(valueOf("QUERIES", "ALL")).toEqual(all);
  });

  it('expands "1,3,5-7" to 1, 3, 5, 6, 7', () => {
    expect(valueOf("QUERIES", "1,3,5-7")).toEqual([1, 3, 5, 6, 7]);
  });

  it("sorts and de-duplicates overlapping numbers and ranges", () => {
    expect(valueOf("QUERIES", "7, 2-4,3,1-2")).toEqual([1, 2, 3, 4, 7]);
  });

  it("accepts the boundaries 1 and 22 and a one-number range", () => {
    expect(valueOf("QUERIES", "22")).toEqual([22]);
    expect(valueOf("QUERIES", "1-1")).toEqual([1]);
    expect(valueOf("QUERIES", "20-22")).toEqual([20, 21, 22]);
  });

  it.each(["23", "0", "5-3", "21-23", "0-2", "", "x", "1,,2", "1-", "-3", "1.5", "some"])("rejects %j", (raw) => {
    expectRejected("QUERIES", raw, /"all" or query numbers 1-22/);
  });
});

describe("run counts", () => {
  it("rejects QUERY_ITERATIONS 0: at least one timed run is needed", () => {
    expectRejected("QUERY_ITERATIONS", "0", /"auto" or an integer from 1 to 1000/);
  });

  it("accepts QUERY_WARMUP_RUNS 0: warm-up is optional", () => {
    expect(valueOf("QUERY_WARMUP_RUNS", "0")).toBe(0);
  });

  it.each([
    ["QUERY_ITERATIONS", "5", 5],
    ["QUERY_WARMUP_RUNS", "2", 2],
    ["SPARK_EXECUTOR_CORES", "1", 1],
    ["SPARK_SHUFFLE_PARTITIONS", "200", 200],
    ["DELTA_CHECKPOINT_INTERVAL", "1", 1],
    ["FRAMEWORK_PARALLELISM", "4", 4],
    ["FRAMEWORK_PARALLELISM", "7", 7], // one per format variant
    ["SPARK_WORKER_CORES", "3", 3],
  ] as const)("accepts %s=%j as the integer %d", (key, raw, expected) => {
    expect(valueOf(key, raw)).toBe(expected);
  });

  it.each([
    ["QUERY_ITERATIONS", "-1"],
    ["QUERY_ITERATIONS", "2.5"],
    ["QUERY_WARMUP_RUNS", "-1"],
    ["QUERY_WARMUP_RUNS", "one"],
    ["SPARK_EXECUTOR_CORES", "0"],
    ["SPARK_SHUFFLE_PARTITIONS", "0"],
    ["SPARK_SHUFFLE_PARTITIONS", "1e3"],
    ["DELTA_CHECKPOINT_INTERVAL", "0"],
    ["FRAMEWORK_PARALLELISM", "0"],
    ["SPARK_WORKER_CORES", "0"],
    ["QUERY_ITERATIONS", "1001"],
    ["SPARK_SHUFFLE_PARTITIONS", "99999999999999999999999"],
    ["SPARK_EXECUTOR_CORES", "1025"],
    ["FRAMEWORK_PARALLELISM", "8"], // more than the seven variants (was 5, past the four frameworks)
    ["QUERY_MAX_ITERATIONS", "2"],
  ] as const)("rejects %s=%j with the bounds in the message", (key, raw) => {
    expectRejected(key, raw, /an integer from \d+ to \d+/);
  });

  it('QUERY_ITERATIONS accepts "auto" in any case', () => {
    expect(valueOf("QUERY_ITERATIONS", "auto")).toBe("auto");
    expect(valueOf("QUERY_ITERATIONS", "AUTO")).toBe("auto");
  });

  it.each(["0", "-0.1", "1.5", "1e-2", "", "ten"])("QUERY_TARGET_CI_WIDTH rejects %j", (raw) => {
    expectRejected("QUERY_TARGET_CI_WIDTH", raw, /greater than 0 and at most 1/);
  });

  it.each([["0.05", 0.05], ["1", 1], [".2", 0.2]] as const)("QUERY_TARGET_CI_WIDTH accepts %j", (raw, expected) => {
    expect(valueOf("QUERY_TARGET_CI_WIDTH", raw)).toBe(expected);
  });
});

describe("JVM memory sizes", () => {
  it.each([
    ["4g", "4g"],
    ["512m", "512m"],
    ["1t", "1t"],
    ["4G", "4g"],
    ["524288k", "524288k"],
    ["16t", "16t"],
  ])("SPARK_DRIVER_MEMORY accepts %j as %j", (raw, expected) => {
    expect(valueOf("SPARK_DRIVER_MEMORY", raw)).toBe(expected);
  });

  it.each(["lots", "4gb", "0g", "-4g", "4.5g", "g", "", "4 g", "1", "1024", "511m", "17t", "99999999999999999999t"])("SPARK_DRIVER_MEMORY rejects %j", (raw) => {
    expectRejected("SPARK_DRIVER_MEMORY", raw, /JVM memory size/);
  });

  it("SPARK_EXECUTOR_MEMORY and SPARK_WORKER_MEMORY follow the same rule", () => {
    expect(valueOf("SPARK_EXECUTOR_MEMORY", "2g")).toBe("2g");
    expectRejected("SPARK_EXECUTOR_MEMORY", "4gb", /JVM memory size/);
    expect(valueOf("SPARK_WORKER_MEMORY", "6G")).toBe("6g");
    expectRejected("SPARK_WORKER_MEMORY", "lots", /JVM memory size/);
  });
});

describe("SPARK_MASTER", () => {
  it.each(["local", "local[*]", "local[1]", "local[16]", "spark://spark-master:7077", "spark://10.0.0.5:7077", "compose"])(
    "accepts %j",
    (raw) => {
      expect(valueOf("SPARK_MASTER", raw)).toBe(raw);
    },
  );

  it.each(["yarn", "local[0]", "local[]", "local[x]", "spark://host", "spark://:7077", "spark://host:123456", "LOCAL", "k8s://h:1", "", "spark://h:0", "spark://h:99999", "local[99999999999999999999]", "local[1025]"])(
    "rejects %j",
    (raw) => {
      expectRejected("SPARK_MASTER", raw, /local\[\*\]/);
    },
  );
});

describe("SPARK_AUTH_SECRET", () => {
  const parse = (master: string, secret: string) => rawConfigSchema.safeParse({ ...CONFIG_DEFAULTS, SPARK_MASTER: master, SPARK_AUTH_SECRET: secret });

  it.each(["local", "local[*]", "local[2]"])("is not needed with the local master %j", (master) => {
    expect(parse(master, "").success).toBe(true);
  });

  it.each(["spark://spark-master:7077", "compose"])("is required with the cluster master %j", (master) => {
    const result = parse(master, "");
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toHaveLength(1);
    expect(result.error.issues[0].path).toEqual(["SPARK_AUTH_SECRET"]);
    expect(result.error.issues[0].message).toContain(`required with SPARK_MASTER=${master}`);
    expect(result.error.issues[0].message).toContain(`at least ${MIN_SECRET_LENGTH} characters`);
  });

  it(`must be at least ${MIN_SECRET_LENGTH} characters on a cluster`, () => {
    expect(parse("compose", "x".repeat(MIN_SECRET_LENGTH - 1)).success).toBe(false);
    expect(parse("compose", "x".repeat(MIN_SECRET_LENGTH)).success).toBe(true);
  });

  it.each([
    ["all spaces", " ".repeat(20)],
    ["a newline", "0123456789abcdef\nspark.evil=1"],
    ["a space", "0123456789 abcdef"],
    ["a tab", "0123456789abcdef\t"],
    ["a backslash", "0123456789abcdef\\n"],
    ["a dollar sign", "0123456789abcdef$HOME"],
    ["a non-ASCII letter", "0123456789abcdefé"],
  ])("refuses a secret with %s, even in local mode", (_what, secret) => {
    for (const master of ["local[*]", "compose"]) {
      const result = parse(master, secret);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.issues.map((i) => [i.path[0], i.message])).toEqual([["SPARK_AUTH_SECRET", expect.stringMatching(/visible ASCII only: no spaces/)]]);
    }
  });

  it("is kept exactly as given when valid", () => {
    const result = parse("spark://h:7077", SECRET);
    expect(result.success && result.data.SPARK_AUTH_SECRET).toBe(SECRET);
  });

  it("an invalid SPARK_MASTER is reported as a SPARK_MASTER problem, not a crash of the secret rule", () => {
    let result: ReturnType<typeof parse> | undefined;
    expect(() => (result = parse("yarn", ""))).not.toThrow();
    expect(result?.success).toBe(false);
    if (result && !result.success) expect(result.error.issues.map((i) => i.path[0])).toEqual(["SPARK_MASTER"]);
  });
});

describe("enumerated keys", () => {
  it.each(["snappy", "zstd", "gzip", "uncompressed"])("PARQUET_CODEC accepts %j", (raw) => {
    expect(valueOf("PARQUET_CODEC", raw)).toBe(raw);
  });

  it("PARQUET_CODEC rejects an unknown codec, listing the allowed ones", () => {
    expectRejected("PARQUET_CODEC", "lz4", /one of snappy, zstd, gzip, uncompressed/);
  });

  it("ICEBERG_FORMAT_VERSION accepts 1 and 2 and rejects 3", () => {
    expect(valueOf("ICEBERG_FORMAT_VERSION", "1")).toBe("1");
    expect(valueOf("ICEBERG_FORMAT_VERSION", "2")).toBe("2");
    expectRejected("ICEBERG_FORMAT_VERSION", "3", /one of 1, 2/);
  });

  it("HUDI_TABLE_TYPE is no key of the schema any more: it is retired, naming the variants that replace it", () => {
    // Was: accepts MERGE_ON_READ and rejects a lower-case name. The table type is the variant now (hudi / hudi-mor).
    expect(Object.keys(rawConfigFields.shape)).not.toContain("HUDI_TABLE_TYPE");
    expect(RETIRED_KEYS.HUDI_TABLE_TYPE).toMatch(/hudi \(COPY_ON_WRITE\) or hudi-mor \(MERGE_ON_READ\) in FRAMEWORKS/);
  });

  it("DATA_DIR and LAKEBENCH_CACHE_DIR reject a blank path", () => {
    expectRejected("DATA_DIR", "   ", /non-empty path/);
    expectRejected("LAKEBENCH_CACHE_DIR", "", /non-empty path/);
  });
});

describe("several problems at once", () => {
  it("reports one issue per invalid key, each with that key's allowed text", () => {
    const result = rawConfigSchema.safeParse({ ...CONFIG_DEFAULTS, TPCH_SCALE_FACTOR: "abc", QUERIES: "23", SPARK_DRIVER_MEMORY: "lots" });
    expect(result.success).toBe(false);
    if (result.success) return;
    const byKey = Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
    expect(Object.keys(byKey).sort()).toEqual(["QUERIES", "SPARK_DRIVER_MEMORY", "TPCH_SCALE_FACTOR"]);
    expect(byKey.TPCH_SCALE_FACTOR).toMatch(/from 0\.001/);
    expect(byKey.QUERIES).toMatch(/1-22/);
    expect(byKey.SPARK_DRIVER_MEMORY).toMatch(/JVM memory/);
  });
});
