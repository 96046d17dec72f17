/**
 * The Spark properties file carrying spark.authenticate.secret for the driver: readable by
 * its owner only, in the data directory (mounted in the Compose containers at the same
 * path), present only while a run uses a cluster. A run killed with -9 leaves it behind;
 * the next run's recovery removes it once its owner is gone.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { BenchConfig } from "../../config/benchConfig";
import { PRIVATE_DIR } from "../../phase/layout";
import { removeOwned } from "../../phase/ownedPaths";
import { isAlive, readProcessIdentity } from "../../runners/processes";

/** spark-auth-<pid>.properties, the pid of the run that wrote it. */
const SECRET_FILE = /^spark-auth-(\d+)\.properties$/;
/** Its first line (a properties comment): the writer's start time, so a reused pid is not taken for it. */
const OWNER_LINE = /^# lakebench owner pid (\d+) started (\d+)\n/;

export async function writeSecretProperties(config: BenchConfig): Promise<string | undefined> {
  if (config.spark.master.startsWith("local")) return undefined;
  const dir = path.join(config.dataDir, PRIVATE_DIR);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, secretFileName(process.pid));
  await fs.writeFile(file, ownerLine(process.pid, readProcessIdentity(process.pid)?.startTime) + `spark.authenticate.secret ${config.spark.authSecret}\n`, { mode: 0o600 });
  return file;
}

export const secretFileName = (pid: number): string => `spark-auth-${pid}.properties`;

/** The comment naming the writer (empty where its start time cannot be read). */
export function ownerLine(pid: number, startTime: number | undefined): string {
  return startTime === undefined ? "" : `# lakebench owner pid ${pid} started ${startTime}\n`;
}

export async function removeSecretProperties(file: string | undefined): Promise<void> {
  if (file) await fs.rm(file, { force: true });
}

/**
 * Removes the secret files of runs that are gone: named like ours, a regular file, and
 * whose pid is not running or now runs a process started at another time. A file of a
 * live run (another workspace may share DATA_DIR) is kept. Returns the files removed.
 */
export async function removeOrphanedSecretProperties(privateDir: string, ownedRoots: readonly string[]): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(privateDir);
  } catch (error) {
    if (["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "")) return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = SECRET_FILE.exec(name);
    if (!match) continue;
    const file = path.join(privateDir, name);
    if (!(await fs.lstat(file)).isFile()) continue; // ours are plain files; leave anything else alone
    if (!isOrphaned(Number(match[1]), await recordedStartTime(file, Number(match[1])))) continue;
    await removeOwned(file, ownedRoots);
    removed.push(file);
  }
  return removed;
}

async function recordedStartTime(file: string, pid: number): Promise<number | undefined> {
  const owner = OWNER_LINE.exec(await fs.readFile(file, "utf8"));
  return owner && Number(owner[1]) === pid ? Number(owner[2]) : undefined;
}

function isOrphaned(pid: number, startTime: number | undefined): boolean {
  if (!isAlive(pid)) return true;
  if (startTime === undefined) return false; // cannot tell: keep it
  const live = readProcessIdentity(pid);
  return live !== undefined && live.startTime !== startTime;
}
