/** Pure builder for spark-submit command lines: one Spark application per format and phase. */
import path from "node:path";
import type { BenchConfig } from "../config/benchConfig";
import type { Framework } from "../config/keys";
import { SPARK_JOBS_DIR, type Toolchain } from "../environment/toolchain";
import type { Command } from "./command";

export interface SparkJob {
  /** Path of the PySpark script, relative to spark-jobs/. */
  script: string;
  framework: Framework;
  appName: string;
  args: string[];
}

export function sparkSubmitCommand(job: SparkJob, config: BenchConfig, toolchain: Toolchain): Command {
  const jars = toolchain.jarPaths(job.framework);
  const log4j = path.join(SPARK_JOBS_DIR, "conf", "log4j2.properties");
  const conf: Record<string, string> = {
    "spark.executor.memory": config.spark.executorMemory,
    "spark.executor.cores": String(config.spark.executorCores),
    "spark.sql.shuffle.partitions": String(config.spark.shufflePartitions),
    "spark.driver.extraJavaOptions": `-Dlog4j2.configurationFile=file:${log4j}`,
    "spark.pyspark.python": toolchain.bin("python"),
  };
  return {
    file: toolchain.bin("spark-submit"),
    args: [
      "--master", config.spark.master,
      "--name", job.appName,
      "--driver-memory", config.spark.driverMemory,
      ...Object.entries(conf).flatMap(([key, value]) => ["--conf", `${key}=${value}`]),
      ...(jars.length ? ["--jars", jars.join(",")] : []),
      path.join(SPARK_JOBS_DIR, job.script),
      ...job.args,
    ],
    env: sparkEnvironment(config, toolchain),
  };
}

export function sparkEnvironment(config: BenchConfig, toolchain: Toolchain): Record<string, string> {
  return {
    SPARK_HOME: toolchain.sparkHome,
    PYSPARK_PYTHON: toolchain.bin("python"),
    PYSPARK_DRIVER_PYTHON: toolchain.bin("python"),
    // Local mode serves its UI and block manager on loopback only.
    ...(config.spark.master.startsWith("local") ? { SPARK_LOCAL_IP: "127.0.0.1" } : {}),
  };
}

/** A script of spark-jobs/ run by the venv's Python, outside Spark (the DuckDB oracle, bronze inspection). */
export function pythonJobCommand(script: string, args: string[], toolchain: Toolchain): Command {
  return { file: toolchain.bin("python"), args: [path.join(SPARK_JOBS_DIR, script), ...args] };
}
