/** Pure builder for spark-submit command lines: one Spark application per format and phase. */
import type { BenchConfig } from "../../config/benchConfig";
import type { Command } from "../../runners/command";
import type { FormatFamily } from "../../formats";
import { jobScript, type SparkRuntime } from "./runtime";

export interface SparkJob {
  /** Path of the PySpark script, relative to spark-jobs/. */
  script: string;
  /** Whose jars the application gets. */
  family: FormatFamily;
  appName: string;
  args: string[];
}

export function sparkSubmitCommand(job: SparkJob, config: BenchConfig, runtime: SparkRuntime): Command {
  const jars = runtime.jars(job.family);
  const conf: Record<string, string> = {
    "spark.executor.memory": config.spark.executorMemory,
    "spark.executor.cores": String(config.spark.executorCores),
    "spark.sql.shuffle.partitions": String(config.spark.shufflePartitions),
    "spark.driver.extraJavaOptions": `-Dlog4j2.configurationFile=file:${jobScript(runtime, "conf/log4j2.properties")}`,
    ...runtime.conf,
    // On a cluster the job fails after this long without an executor (spark-jobs/common/executors.py).
    ...(runtime.kind === "local" ? {} : { "spark.lakebench.executorWaitSeconds": String(config.spark.executorWaitSeconds) }),
  };
  return {
    file: runtime.sparkSubmit,
    args: [
      "--master", runtime.master,
      "--name", job.appName,
      "--driver-memory", config.spark.driverMemory,
      ...(runtime.propertiesFile ? ["--properties-file", runtime.propertiesFile] : []),
      ...Object.entries(conf).flatMap(([key, value]) => ["--conf", `${key}=${value}`]),
      ...(jars.length ? ["--jars", jars.join(",")] : []),
      jobScript(runtime, job.script),
      ...job.args,
    ],
    env: runtime.env,
    service: runtime.service,
  };
}
