import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BenchConfig } from "../../../../src/core/config/benchConfig";
import { COMPOSE_MASTER, IMAGE_PATHS, sparkRuntime } from "../../../../src/core/engines/spark/runtime";
import { sparkSubmitCommand, type SparkJob } from "../../../../src/core/engines/spark/sparkSubmit";
import { readJarList, SPARK_JOBS_DIR, Toolchain } from "../../../../src/core/environment/toolchain";
import type { FormatFamily } from "../../../../src/core/formats";
import { benchConfig } from "../../helpers/fixtures";

const toolchain = new Toolchain("/tmp/x");
const job = (family: FormatFamily, args: string[] = ["--format", family]): SparkJob => ({
  script: "silver/convert.py",
  family,
  appName: `lakebench-silver-${family}`,
  args,
});

/** The value right after a flag, and that the flag appears exactly once. */
function valueOf(args: string[], flag: string): string {
  expect(args.filter((a) => a === flag), flag).toHaveLength(1);
  return args[args.indexOf(flag) + 1];
}

/** Every --conf key=value pair. */
function confs(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  args.forEach((a, i) => {
    if (a === "--conf") {
      const [key, ...rest] = args[i + 1].split("=");
      out[key] = rest.join("=");
    }
  });
  return out;
}

describe("sparkSubmitCommand (local master)", () => {
  const config = benchConfig({ spark: { master: "local[2]", driverMemory: "3g", executorMemory: "2g", executorCores: 2, shufflePartitions: 8 } });
  const submit = (j: SparkJob, c: BenchConfig = config) => sparkSubmitCommand(j, c, sparkRuntime(c, toolchain));

  it("runs the venv's spark-submit directly with an argument array (no shell), on this machine", () => {
    const command = submit(job("iceberg"));
    expect(command.file).toBe("/tmp/x/venv/bin/spark-submit");
    expect(Array.isArray(command.args)).toBe(true);
    expect(command.args.every((a) => typeof a === "string")).toBe(true);
    expect(command.args).not.toContain("-c");
    expect(command.file).not.toMatch(/(^|\/)(ba|z)?sh$/);
    expect(command.service).toBeUndefined();
  });

  it("passes --master, --name and --driver-memory from the config", () => {
    const { args } = submit(job("iceberg"));
    expect(valueOf(args, "--master")).toBe("local[2]");
    expect(valueOf(args, "--name")).toBe("lakebench-silver-iceberg");
    expect(valueOf(args, "--driver-memory")).toBe("3g");
  });

  it("sets the shuffle partitions, executor settings and the venv's Python as Spark confs", () => {
    const conf = confs(submit(job("delta")).args);
    expect(conf["spark.sql.shuffle.partitions"]).toBe("8");
    expect(conf["spark.executor.memory"]).toBe("2g");
    expect(conf["spark.executor.cores"]).toBe("2");
    expect(conf["spark.pyspark.python"]).toBe("/tmp/x/venv/bin/python");
    expect(conf["spark.driver.extraJavaOptions"]).toBe(`-Dlog4j2.configurationFile=file:${path.join(SPARK_JOBS_DIR, "conf", "log4j2.properties")}`);
    expect(conf).not.toHaveProperty("spark.authenticate");
  });

  it.each(["iceberg", "delta", "hudi"] as const)("passes --jars with the %s family's jars only, from the cache directory", (family) => {
    const { args } = submit(job(family));
    const jars = valueOf(args, "--jars").split(",");
    const expected = readJarList().filter((j) => j.family === family);
    expect(expected.length).toBeGreaterThan(0);
    expect(jars).toEqual(expected.map((j) => path.join("/tmp/x", "jars", j.fileName)));
    const others = readJarList().filter((j) => j.family !== family);
    for (const other of others) expect(jars.join(",")).not.toContain(other.fileName);
  });

  it("gives Delta both its jars (delta-spark and delta-storage)", () => {
    const jars = valueOf(submit(job("delta")).args, "--jars").split(",");
    expect(jars.map((j) => path.basename(j))).toEqual(["delta-spark_2.12-3.3.2.jar", "delta-storage-3.3.2.jar"]);
  });

  it("passes no --jars for plain Parquet", () => {
    expect(submit(job("parquet")).args).not.toContain("--jars");
  });

  it("puts the script after every spark-submit option and the job's own arguments after the script", () => {
    const { args } = submit(job("hudi", ["--format", "hudi-mor", "--output", "/data/with space/out.json"]));
    const script = path.join(SPARK_JOBS_DIR, "silver/convert.py");
    const at = args.indexOf(script);
    expect(at).toBeGreaterThan(args.indexOf("--jars"));
    expect(at).toBeGreaterThan(args.lastIndexOf("--conf"));
    expect(args.slice(at + 1)).toEqual(["--format", "hudi-mor", "--output", "/data/with space/out.json"]);
  });

  it("keeps a value with spaces and shell characters as one argument", () => {
    const tricky = "$(rm -rf /); echo `x` && y";
    const { args } = submit(job("iceberg", ["--namespace", tricky]));
    expect(args.at(-1)).toBe(tricky);
  });

  it("sets SPARK_HOME and the Python of the venv in the environment", () => {
    const { env } = submit(job("iceberg"));
    expect(env?.SPARK_HOME).toMatch(/^\/tmp\/x\/venv\/lib\/python3[^/]*\/site-packages\/pyspark$/);
    expect(env?.PYSPARK_PYTHON).toBe("/tmp/x/venv/bin/python");
    expect(env?.PYSPARK_DRIVER_PYTHON).toBe("/tmp/x/venv/bin/python");
  });

  it.each(["local", "local[*]", "local[4]"])("binds Spark to loopback (SPARK_LOCAL_IP=127.0.0.1) for the local master %j", (master) => {
    const command = submit(job("iceberg"), benchConfig({ spark: { master } }));
    expect(command.env?.SPARK_LOCAL_IP).toBe("127.0.0.1");
    expect(valueOf(command.args, "--master")).toBe(master);
  });
});

describe("sparkSubmitCommand (cluster masters)", () => {
  const SECRET = "0123456789abcdef0123456789abcdef";
  const standalone = benchConfig({ spark: { master: "spark://spark-host:7077", authSecret: SECRET } });
  const compose = benchConfig({ spark: { master: "compose", authSecret: SECRET } });
  const submit = (j: SparkJob, c: BenchConfig) => sparkSubmitCommand(j, c, sparkRuntime(c, toolchain));

  it.each([
    ["spark://spark-host:7077", standalone],
    ["compose", compose],
  ] as const)("does not set SPARK_LOCAL_IP for %s", (_label, config) => {
    expect(submit(job("iceberg"), config).env).not.toHaveProperty("SPARK_LOCAL_IP");
  });

  it.each([
    ["spark://spark-host:7077", standalone],
    ["compose", compose],
  ] as const)("turns on spark.authenticate for %s and passes the secret in the environment, never in the arguments", (_label, config) => {
    const command = submit(job("iceberg"), config);
    expect(confs(command.args)["spark.authenticate"]).toBe("true");
    expect(command.env?._SPARK_AUTH_SECRET).toBe(SECRET);
    expect(command.args.join(" ")).not.toContain(SECRET);
  });

  it("standalone: runs the venv's spark-submit here, against the given master, with the local jars", () => {
    const command = submit(job("iceberg"), standalone);
    expect(command.file).toBe("/tmp/x/venv/bin/spark-submit");
    expect(command.service).toBeUndefined();
    expect(valueOf(command.args, "--master")).toBe("spark://spark-host:7077");
    expect(valueOf(command.args, "--jars").startsWith("/tmp/x/jars/")).toBe(true);
  });

  it("compose: runs the image's spark-submit in the master service, with the image's jars and jobs", () => {
    const command = submit(job("delta"), compose);
    expect(command.service).toBe(COMPOSE_MASTER.service);
    expect(command.file).toBe(IMAGE_PATHS.sparkSubmit);
    expect(valueOf(command.args, "--master")).toBe(COMPOSE_MASTER.url);
    expect(valueOf(command.args, "--jars").split(",")).toEqual([
      `${IMAGE_PATHS.jarsDir}/delta-spark_2.12-3.3.2.jar`,
      `${IMAGE_PATHS.jarsDir}/delta-storage-3.3.2.jar`,
    ]);
    expect(command.args).toContain(`${IMAGE_PATHS.jobsDir}/silver/convert.py`);
    expect(confs(command.args)["spark.driver.extraJavaOptions"]).toBe(`-Dlog4j2.configurationFile=file:${IMAGE_PATHS.jobsDir}/conf/log4j2.properties`);
    // Nothing from this machine leaks into the container's command.
    expect(command.args.join(" ")).not.toContain("/tmp/x");
    expect(JSON.stringify(command.env)).not.toContain("/tmp/x");
  });
});
