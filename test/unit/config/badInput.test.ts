/**
 * Every bad value is refused before anything starts: through the real CLI entry, each entry
 * of the table must exit 2, name its key and leave the workspace and DATA_DIR untouched.
 */
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../../src/cli/main";
import { CONFIG_KEYS } from "../../../src/core/config/keys";
import { unknownKeyProblems } from "../../../src/core/config/unknownKeys";
import { tempDirs } from "../helpers/fixtures";

const temp = tempDirs();
afterEach(() => temp.cleanup());

const SECRET = "0123456789abcdef0123456789abcdef";

/** Where the value is given. `argv`: the arguments after `lakebench`, as they are. */
type Via = "flag" | ".env" | "env" | "argv";

interface BadInput {
  /** What the message must name: the configuration key, or the option or argument. */
  key: string;
  /** The value; a function of the workspace for values that depend on it. */
  value: string | ((workspace: string) => string);
  via: Via;
  /** Other .env lines that make the case (e.g. a cluster master for the secret rules). */
  dotenv?: Record<string, string>;
  /** Files to create in the workspace first. */
  setup?: (workspace: string) => void;
  /** What the message must also say (beyond the key and the value). */
  says?: RegExp;
}

const FLAG_OF: Record<string, string> = {
  TPCH_SCALE_FACTOR: "--scale-factor",
  FRAMEWORKS: "--frameworks",
  QUERIES: "--queries",
  QUERY_ITERATIONS: "--iterations",
  QUERY_WARMUP_RUNS: "--warmup-runs",
  DATA_DIR: "--data-dir",
  SPARK_MASTER: "--spark-master",
  FRAMEWORK_PARALLELISM: "--parallelism",
};

const CLUSTER = { SPARK_MASTER: "compose", SPARK_AUTH_SECRET: SECRET };

/** HUDI_TABLE_TYPE's replacement: the variant in FRAMEWORKS. */
const HUDI_VARIANTS = /hudi \(COPY_ON_WRITE\) or hudi-mor \(MERGE_ON_READ\) in FRAMEWORKS/;

const each = (key: string, values: string[], via: Via, extra: Partial<BadInput> = {}): BadInput[] =>
  values.map((value) => ({ key, value, via, ...extra }));

const TABLE: BadInput[] = [
  // Values today's code accepted, named in the issue.
  ...each("SPARK_DRIVER_MEMORY", ["1", "99999999999999999999t"], ".env"),
  ...each("SPARK_SHUFFLE_PARTITIONS", ["99999999999999999999999"], ".env"),
  ...each("SPARK_MASTER", ["spark://h:0", "spark://h:99999", "local[99999999999999999999]"], "flag"),
  ...each("TPCH_SCALE_FACTOR", ["0.0000001"], "flag"),
  { key: "SPARK_AUTH_SECRET", value: " ".repeat(24), via: "env", dotenv: { SPARK_MASTER: "compose" } },
  { key: "SPARK_AUTH_SECRET", value: `${SECRET}\nspark.driver.extraJavaOptions=-Dx=1`, via: "env", dotenv: { SPARK_MASTER: "compose" } },
  ...Object.keys(FLAG_OF).map((key): BadInput => ({ key, value: "", via: "flag" })),
  { key: "DATA_DIR", value: "/", via: ".env" },
  // Typos in key names.
  { key: "TPCH_SCALEFACTOR", value: "abc", via: ".env" },
  { key: "FRAMEWORK", value: "paimon", via: ".env" },
  { key: "SPARK_MASTR", value: "yarn", via: ".env" },
  ...(
    [
      ["QUERY_ITERATION", "5"], ["DATADIR", "./x"], ["ICEBERG_VERSION", "2"], ["LAKEBENCH_CACHE", "/tmp/c"],
      ["HUDI_TYPE", "MERGE_ON_READ"], ["PARQUET_COMPRESSION", "zstd"], ["DELTA_INTERVAL", "5"], ["SPARK_EXECUTOR_MEM", "1g"],
      ["QUERIE", "1"], ["SPARK_AUTH_SECRT", SECRET],
    ] as const
  ).map(([key, value]): BadInput => ({ key, value, via: ".env" })),
  ...([["SPARK_MASTR", "yarn"], ["TPCH_SCALE_FACTR", "1"], ["queries", "all"], ["SPARK_DRIVER_MEMROY", "2g"]] as const).map(
    ([key, value]): BadInput => ({ key, value, via: "env" }),
  ),
  // Every key, out of range or malformed.
  ...each("TPCH_SCALE_FACTOR", ["abc", "0", "-1", "1e2", "10001", "0.0015", "Infinity", "NaN", "1,5"], "flag"),
  ...each("TPCH_SCALE_FACTOR", ["0.0005", "1.2345"], ".env"),
  ...each("FRAMEWORKS", ["paimon", "iceberg,snowflake", ",", "iceberg;delta", "iceberg-cow", "hudi_mor"], "flag"),
  ...each("QUERIES", ["23", "0", "5-3", "x", "1.5", "99999999999999999999"], "flag"),
  ...each("QUERY_ITERATIONS", ["0", "-1", "2.5", "1001", "autox", "99999999999999999999999"], "flag"),
  ...each("QUERY_WARMUP_RUNS", ["-1", "one", "101"], "flag"),
  ...each("QUERY_MAX_ITERATIONS", ["2", "1001", "x"], ".env", { dotenv: { QUERY_ITERATIONS: "auto" } }),
  ...each("QUERY_TARGET_CI_WIDTH", ["0", "1.5", "1e-2", "-0.1"], ".env", { dotenv: { QUERY_ITERATIONS: "auto" } }),
  ...each("DATA_DIR", ["..", "/usr", "/tmp", "a\u0007bell"], "flag"),
  { key: "DATA_DIR", value: ".", via: "flag" },
  { key: "DATA_DIR", value: () => os.homedir(), via: "env" },
  { key: "DATA_DIR", value: "a-file", via: "flag", setup: (ws) => writeFileSync(path.join(ws, "a-file"), "x") },
  { key: "DATA_DIR", value: "root-link", via: ".env", setup: (ws) => symlinkSync("/", path.join(ws, "root-link")) },
  { key: "DATA_DIR", value: "./cache", via: ".env", dotenv: { LAKEBENCH_CACHE_DIR: "./cache" } },
  ...each("SPARK_MASTER", ["yarn", "local[0]", "local[1025]", "k8s://h:1", "spark://host", "spark://:7077"], ".env"),
  ...each("SPARK_DRIVER_MEMORY", ["lots", "4gb", "511m", "17t", "4 g"], "env"),
  ...each("SPARK_EXECUTOR_MEMORY", ["1", "0g", "1.5g"], ".env"),
  ...each("SPARK_EXECUTOR_CORES", ["0", "1025", "1.5"], ".env"),
  ...each("SPARK_SHUFFLE_PARTITIONS", ["0", "1e3", "100001"], "env"),
  ...each("PARQUET_CODEC", ["lz4", "SNAPPY"], ".env"),
  ...each("ICEBERG_FORMAT_VERSION", ["3", "v2"], ".env"),
  ...each("DELTA_CHECKPOINT_INTERVAL", ["0", "100001"], ".env"),
  // Retired: every value is refused, valid ones of old too, with the variant to use instead.
  ...each("HUDI_TABLE_TYPE", ["merge_on_read", "MOR", "MERGE_ON_READ", "COPY_ON_WRITE"], ".env", { says: HUDI_VARIANTS }),
  ...each("HUDI_TABLE_TYPE", ["MERGE_ON_READ", "COPY_ON_WRITE"], "env", { says: HUDI_VARIANTS }),
  ...each("LAKEBENCH_CACHE_DIR", ["   ", "a\u0007b"], "env"),
  ...each("SPARK_AUTH_SECRET", ["short-secret", `${SECRET} tail`, `${SECRET}\\n`, `${SECRET}$HOME`], "env", { dotenv: { SPARK_MASTER: "compose" } }),
  ...each("SPARK_AUTH_SECRET", [`${SECRET}\t`], "env"),
  ...each("FRAMEWORK_PARALLELISM", ["0", "8"], "flag"),
  ...each("SPARK_WORKER_CORES", ["0", "2000"], ".env"),
  ...each("SPARK_WORKER_MEMORY", ["1", "2"], ".env"),
  ...each("SPARK_MASTER_UI_URL", ["ftp://h:8080", "not a url"], ".env"),
  ...each("SPARK_EXECUTOR_WAIT_SECONDS", ["0", "86401"], ".env"),
  // Compose: an executor that no worker can host, set explicitly or left to a tiny worker.
  { key: "SPARK_EXECUTOR_MEMORY", value: "4g", via: ".env", dotenv: CLUSTER },
  { key: "SPARK_EXECUTOR_MEMORY", value: "1700m", via: ".env", dotenv: CLUSTER },
  { key: "SPARK_EXECUTOR_CORES", value: "2", via: ".env", dotenv: CLUSTER },
  { key: "SPARK_WORKER_MEMORY", value: "800m", via: ".env", dotenv: CLUSTER },
  // The command line itself.
  { key: "--bogus", value: "run --bogus", via: "argv" },
  { key: "'extra'", value: "run extra", via: "argv" },
  { key: "'0.1'", value: "bronze 0.1", via: "argv" },
  { key: "runn", value: "runn", via: "argv" },
  { key: "--scale-factor", value: "run --scale-factor", via: "argv" },
  { key: "--workspace", value: "run --workspace", via: "argv" },
  { key: "--workspace", value: "run --workspace /nonexistent/lakebench-ws", via: "argv" },
  { key: "--workspace", value: "gold --workspace ''", via: "argv" },
  { key: "--parallelism", value: "report --parallelism", via: "argv" },
];

/** The process environment main() reads: this one's minus anything that looks like our keys. */
function controlledEnv(extra: Record<string, string>): () => void {
  const saved = { ...process.env };
  for (const [key, value] of Object.entries(process.env)) {
    if ((CONFIG_KEYS as string[]).includes(key) || unknownKeyProblems([[key, value]], "environment").length) delete process.env[key];
  }
  Object.assign(process.env, extra);
  return () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  };
}

/** Runs `lakebench <argv>` in-process with its output captured. */
async function runCli(argv: string[]): Promise<{ code: number; output: string }> {
  let output = "";
  const capture = (chunk: unknown) => {
    output += String(chunk);
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation(capture),
    vi.spyOn(process.stderr, "write").mockImplementation(capture),
    vi.spyOn(console, "log").mockImplementation((...args) => capture(`${args.join(" ")}\n`)),
    vi.spyOn(console, "error").mockImplementation((...args) => capture(`${args.join(" ")}\n`)),
  ];
  try {
    return { code: await main(["node", "lakebench", ...argv]), output };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

const dotEnvText = (values: Record<string, string>) =>
  Object.entries(values).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join("\n") + "\n";

/** One entry: what went wrong, or undefined when it was refused as it must be. */
async function tryEntry(entry: BadInput): Promise<string | undefined> {
  const workspace = temp.make("lakebench-badinput-");
  // A toolchain that is not there: a value wrongly accepted fails fast instead of running Spark.
  const guardCache = path.join(temp.make("lakebench-badinput-cache-"), "none");
  entry.setup?.(workspace);
  const value = typeof entry.value === "function" ? entry.value(workspace) : entry.value;
  const dotenv = { ...entry.dotenv, ...(entry.via === ".env" ? { [entry.key]: value } : {}) };
  if (Object.keys(dotenv).length) writeFileSync(path.join(workspace, ".env"), dotEnvText(dotenv));
  const before = readdirSync(workspace).sort();
  const argv =
    entry.via === "argv"
      ? value.split(" ").map((arg) => (arg === "''" ? "" : arg))
      : ["run", "--workspace", workspace, ...(entry.via === "flag" ? [FLAG_OF[entry.key], value] : [])];
  if (entry.via === "argv" && !argv.includes("--workspace")) argv.push("--workspace", workspace);
  const dataDir = entry.key === "DATA_DIR" ? path.resolve(workspace, value) : path.join(workspace, "lakehouse-data");
  const dataDirExisted = existsSync(dataDir);

  const guard: Record<string, string> = entry.dotenv?.LAKEBENCH_CACHE_DIR ? {} : { LAKEBENCH_CACHE_DIR: guardCache };
  const restore = controlledEnv({ ...guard, ...(entry.via === "env" ? { [entry.key]: value } : {}) });
  let result: { code: number; output: string };
  try {
    result = await runCli(argv);
  } finally {
    restore();
  }

  const wrong: string[] = [];
  if (result.code !== 2) wrong.push(`exit ${result.code}, not 2`);
  if (!result.output.includes(entry.key)) wrong.push(`the message does not name ${entry.key}`);
  const shownValue = entry.key === "SPARK_AUTH_SECRET" || entry.key === "SPARK_AUTH_SECRT" || entry.via === "argv" ? undefined : JSON.stringify(value);
  if (shownValue && !result.output.includes(`${entry.key}=${shownValue}: `)) wrong.push(`the message does not show ${entry.key}=${shownValue} and what is allowed`);
  if (entry.key === "SPARK_AUTH_SECRET" && result.output.includes(SECRET)) wrong.push("the message shows the secret");
  if (entry.says && !entry.says.test(result.output)) wrong.push(`the message does not say ${entry.says}`);
  const after = readdirSync(workspace).sort();
  if (after.join() !== before.join()) wrong.push(`the workspace changed: ${before.join()} -> ${after.join()}`);
  if (!dataDirExisted && existsSync(dataDir)) wrong.push(`DATA_DIR ${dataDir} was created`);
  if (existsSync(guardCache)) wrong.push("the cache directory was created");
  return wrong.length ? `${entry.via} ${entry.key}=${JSON.stringify(value)}: ${wrong.join("; ")}\n${result.output.slice(0, 600)}` : undefined;
}

describe("bad input", () => {
  it("every entry of the table exits 2, names its key and writes nothing", { timeout: 120_000 }, async () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(80);
    const failures: string[] = [];
    for (const entry of TABLE) {
      const failure = await tryEntry(entry);
      if (failure) failures.push(failure);
    }
    console.log(`bad-input table: ${TABLE.length} values tried, ${TABLE.length - failures.length} rejected`);
    expect(failures).toEqual([]);
  });

  it("the guard of the table works: a valid value with a missing toolchain gets past validation", async () => {
    // Without this, a table entry that validation wrongly accepted could look refused.
    const workspace = temp.make("lakebench-badinput-");
    mkdirSync(path.join(workspace, "empty-cache"));
    const restore = controlledEnv({ LAKEBENCH_CACHE_DIR: path.join(workspace, "empty-cache") });
    try {
      const { code, output } = await runCli(["bronze", "--workspace", workspace, "--scale-factor", "0.01"]);
      expect(output).not.toContain("Invalid configuration");
      expect(code).not.toBe(0);
    } finally {
      restore();
    }
  });
});
