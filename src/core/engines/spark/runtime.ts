/**
 * Where and how spark-submit runs for each SPARK_MASTER:
 * - local[*]          embedded Spark from the venv, everything on loopback;
 * - spark://host:port  driver here, executors on the cluster, spark.authenticate on;
 * - compose           inside the Compose master container, whose image carries the jars
 *                     and spark-jobs at fixed paths.
 * The data directory has the same path everywhere (compose mounts it so), so data paths
 * need no translation.
 */
import path from "node:path";
import type { BenchConfig } from "../../config/benchConfig";
import { readJarList, SPARK_JOBS_DIR, type Toolchain } from "../../environment/toolchain";
import type { FormatFamily } from "../../formats";

export interface SparkRuntime {
  kind: "local" | "standalone" | "compose";
  master: string;
  sparkSubmit: string;
  jobsDir: string;
  jars(family: FormatFamily): string[];
  env: Record<string, string>;
  conf: Record<string, string>;
  /** Compose service that runs spark-submit; absent: this machine. */
  service?: string;
  /** spark-submit --properties-file holding spark.authenticate.secret (cluster modes). */
  propertiesFile?: string;
}

/** Paths inside the image built by docker/spark/Dockerfile. */
export const IMAGE_PATHS = { sparkSubmit: "/opt/spark/bin/spark-submit", jobsDir: "/opt/lakebench/spark-jobs", jarsDir: "/opt/lakebench/jars" };
export const COMPOSE_MASTER = { service: "spark-master", url: "spark://spark-master:7077" };

/**
 * The secret never goes into an argument list (visible to every user in `ps`): executors
 * get it from this variable, the driver from a properties file only its owner can read
 * (Spark's driver accepts it from configuration only).
 */
const SECRET_ENV = "_SPARK_AUTH_SECRET";

export function sparkRuntime(config: BenchConfig, toolchain: Toolchain, secretFile?: string): SparkRuntime {
  const master = config.spark.master;
  const authentication = {
    conf: { "spark.authenticate": "true" },
    env: { [SECRET_ENV]: config.spark.authSecret },
    propertiesFile: secretFile,
  };
  if (master === "compose") {
    return {
      kind: "compose",
      master: COMPOSE_MASTER.url,
      sparkSubmit: IMAGE_PATHS.sparkSubmit,
      jobsDir: IMAGE_PATHS.jobsDir,
      jars: (family) => jarFiles(family).map((file) => `${IMAGE_PATHS.jarsDir}/${file}`),
      env: authentication.env,
      conf: authentication.conf,
      propertiesFile: authentication.propertiesFile,
      service: COMPOSE_MASTER.service,
    };
  }
  const python = toolchain.bin("python");
  const host = {
    master,
    sparkSubmit: toolchain.bin("spark-submit"),
    jobsDir: SPARK_JOBS_DIR,
    jars: (family: FormatFamily) => toolchain.jarPaths(family),
  };
  const pythonEnv = { SPARK_HOME: toolchain.sparkHome, PYSPARK_PYTHON: python, PYSPARK_DRIVER_PYTHON: python };
  if (master.startsWith("spark://")) {
    // A loopback master means a cluster on this machine: keep the driver on loopback too.
    const loopback: Record<string, string> = /^spark:\/\/(127\.0\.0\.1|localhost):/.test(master) ? { SPARK_LOCAL_IP: "127.0.0.1" } : {};
    return { ...host, kind: "standalone", env: { ...pythonEnv, ...loopback, ...authentication.env }, conf: authentication.conf, propertiesFile: authentication.propertiesFile };
  }
  // Local mode serves its UI and block manager on loopback only.
  return { ...host, kind: "local", env: { ...pythonEnv, SPARK_LOCAL_IP: "127.0.0.1" }, conf: { "spark.pyspark.python": python } };
}

function jarFiles(family: FormatFamily): string[] {
  return readJarList().filter((jar) => jar.family === family).map((jar) => jar.fileName);
}

export const jobScript = (runtime: SparkRuntime, script: string): string =>
  runtime.kind === "compose" ? `${runtime.jobsDir}/${script}` : path.join(runtime.jobsDir, script);
