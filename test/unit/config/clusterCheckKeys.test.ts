/**
 * SPARK_MASTER_UI_URL and SPARK_EXECUTOR_WAIT_SECONDS: what the cluster fit check and the
 * executor wait accept, and how the wait reaches the Spark job.
 */
import { describe, expect, it } from "vitest";
import { CONFIG_DEFAULTS, type ConfigKey } from "../../../src/core/config/keys";
import { rawConfigSchema } from "../../../src/core/config/schema";
import { sparkRuntime } from "../../../src/core/engines/spark/runtime";
import { sparkSubmitCommand } from "../../../src/core/engines/spark/sparkSubmit";
import { Toolchain } from "../../../src/core/environment/toolchain";
import { benchConfig } from "../helpers/fixtures";

const parse = (key: ConfigKey, value: string) => rawConfigSchema.safeParse({ ...CONFIG_DEFAULTS, [key]: value });
const accepted = (key: ConfigKey, value: string): unknown => {
  const result = parse(key, value);
  if (!result.success) throw new Error(`${key}=${value} was rejected: ${result.error.message}`);
  return result.data[key];
};
const problems = (key: ConfigKey, value: string) => (parse(key, value).error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("SPARK_MASTER_UI_URL", () => {
  it.each([
    ["", ""],
    ["http://spark-master:8080", "http://spark-master:8080"],
    ["https://gateway.example/spark/", "https://gateway.example/spark"],
    [" http://10.0.0.5:18080 ", "http://10.0.0.5:18080"],
  ])("accepts %j as %j", (value, parsed) => {
    expect(accepted("SPARK_MASTER_UI_URL", value)).toBe(parsed);
  });
  it.each(["spark-master:8080", "spark://spark-master:7077", "ftp://h/", "http://", "http://h:99999", "http://h:8080/?x=1", "http://h:8080/#top"])("rejects %j, saying what is allowed", (value) => {
    expect(problems("SPARK_MASTER_UI_URL", value)).toEqual([expect.stringMatching(/^SPARK_MASTER_UI_URL: empty, or the master's web UI as http\(s\):\/\/host:port/)]);
  });
});

describe("SPARK_EXECUTOR_WAIT_SECONDS", () => {
  it.each([
    ["1", 1],
    ["120", 120],
    ["86400", 86_400],
  ])("accepts %j as %i", (value, seconds) => {
    expect(accepted("SPARK_EXECUTOR_WAIT_SECONDS", value)).toBe(seconds);
  });
  it.each(["0", "-5", "86401", "1.5", "2m", "", "99999999999999999999"])("rejects %j, naming the range", (value) => {
    expect(problems("SPARK_EXECUTOR_WAIT_SECONDS", value)).toEqual(["SPARK_EXECUTOR_WAIT_SECONDS: an integer from 1 to 86400 (seconds)"]);
  });
});

describe("the executor wait reaches the job as spark.lakebench.executorWaitSeconds (read by spark-jobs/common/executors.py)", () => {
  const toolchain = new Toolchain("/tmp/x");
  const waitConf = (master: string) => {
    const config = benchConfig({ spark: { master, authSecret: "s".repeat(20), executorWaitSeconds: 45 } });
    const args = sparkSubmitCommand({ script: "silver/convert.py", family: "iceberg", appName: "a", args: [] }, config, sparkRuntime(config, toolchain)).args;
    return args.filter((arg, i) => args[i - 1] === "--conf" && arg.startsWith("spark.lakebench.executorWaitSeconds="));
  };
  it.each(["spark://10.0.0.5:7077", "compose"])("on %s", (master) => {
    expect(waitConf(master)).toEqual(["spark.lakebench.executorWaitSeconds=45"]);
  });
  it("not in local mode, where the executor lives in the driver", () => {
    expect(waitConf("local[*]")).toEqual([]);
  });
});
