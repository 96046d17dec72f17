/**
 * The Spark properties file carrying spark.authenticate.secret for the driver: readable by
 * its owner only, in the data directory (mounted in the Compose containers at the same
 * path), present only while a run uses a cluster.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { BenchConfig } from "../config/benchConfig";

export async function writeSecretProperties(config: BenchConfig): Promise<string | undefined> {
  if (config.spark.master.startsWith("local")) return undefined;
  const dir = path.join(config.dataDir, ".lakebench-private");
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `spark-auth-${process.pid}.properties`);
  await fs.writeFile(file, `spark.authenticate.secret ${config.spark.authSecret}\n`, { mode: 0o600 });
  return file;
}

export async function removeSecretProperties(file: string | undefined): Promise<void> {
  if (file) await fs.rm(file, { force: true });
}
