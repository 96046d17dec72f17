/**
 * A real Spark standalone cluster on 127.0.0.1 for tests: one master and its workers (two of
 * 1 core / 2g unless told otherwise) as separate processes from the installed Spark, with
 * spark.authenticate on. Stopped by process group id, also when a test fails; its
 * directory (logs, work dirs, scratch files of the tests) is removed with it.
 */
import { promises as fs } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { execa, type ResultPromise } from "execa";
import { Toolchain } from "../../../src/core/environment/toolchain";
import { waitFor } from "./cli";

export interface StandaloneCluster {
  masterUrl: string;
  masterUi: string;
  workerUis: string[];
  logDir: string;
  stop(): Promise<void>;
}

export const defaultToolchain = () => new Toolchain(process.env.LAKEBENCH_CACHE_DIR ?? path.join(os.homedir(), ".cache", "lakebench"));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
  return (await response.json()) as T;
}

export interface WorkerSize {
  workers?: number;
  cores?: number;
  /** A JVM memory size, e.g. "1g". */
  memory?: string;
}

export async function startStandaloneCluster(secret: string, { workers: workerCount = 2, cores = 1, memory = "2g" }: WorkerSize = {}): Promise<StandaloneCluster> {
  const toolchain = defaultToolchain();
  const sparkClass = path.join(toolchain.sparkHome, "bin", "spark-class");
  const logDir = await fs.mkdtemp(path.join(os.tmpdir(), "lakebench-cluster-"));
  const [port, ui] = [await freePort(), await freePort()];
  const processes: ResultPromise[] = [];
  const daemon = (name: string, args: string[], opts: Record<string, string>) => {
    const child = execa(sparkClass, args, {
      detached: true,
      reject: false,
      stdout: { file: path.join(logDir, `${name}.log`) },
      stderr: { file: path.join(logDir, `${name}.log`) },
      env: { SPARK_HOME: toolchain.sparkHome, SPARK_LOCAL_IP: "127.0.0.1", _SPARK_AUTH_SECRET: secret, ...opts },
    });
    processes.push(child);
  };
  const stop = async () => {
    for (const child of processes) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await Promise.all(processes.map((p) => p.catch(() => undefined)));
    // Logs and the workers' work dirs (a copy of every application's jars): gone with the cluster.
    await fs.rm(logDir, { recursive: true, force: true });
  };
  try {
    daemon("master", ["org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String(port), "--webui-port", String(ui)], {
      SPARK_MASTER_OPTS: "-Dspark.authenticate=true",
    });
    const masterUrl = `spark://127.0.0.1:${port}`;
    const masterUi = `http://127.0.0.1:${ui}`;
    await waitFor(() => getJson(`${masterUi}/json/`), 60_000, "the Spark master to answer");
    const workerUis: string[] = [];
    for (let i = 1; i <= workerCount; i++) {
      const workerUi = await freePort();
      const workDir = path.join(logDir, `worker-${i}`);
      daemon(`worker-${i}`, ["org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1", "--webui-port", String(workerUi), "--cores", String(cores), "--memory", memory, "--work-dir", workDir], {
        SPARK_WORKER_OPTS: "-Dspark.authenticate=true",
      });
      workerUis.push(`http://127.0.0.1:${workerUi}`);
    }
    await waitFor(async () => ((await getJson<{ aliveworkers: number }>(`${masterUi}/json/`)).aliveworkers === workerCount ? true : undefined), 90_000, `${workerCount} workers to register`);
    return { masterUrl, masterUi, workerUis, logDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The part of the master's /json/ status the tests read. */
export interface MasterStatusJson {
  aliveworkers: number;
  workers: { coresfree: number; state: string }[];
  activeapps: { id: string; name: string }[];
  completedapps: { id: string; name: string }[];
}

export interface RunningApplication {
  name: string;
  stop(): Promise<void>;
}

/**
 * Another real application on the cluster that holds executors of the given size until
 * stopped (by its own process group), to make the cluster busy.
 */
export async function occupyCluster(cluster: StandaloneCluster, secret: string, executor: { cores: number; memory: string }): Promise<RunningApplication> {
  const toolchain = defaultToolchain();
  const name = `occupier-${process.pid}`;
  const script = path.join(cluster.logDir, "occupy.py");
  await fs.writeFile(script, "import time\nfrom pyspark.sql import SparkSession\nSparkSession.builder.getOrCreate()\nprint('holding the executors', flush=True)\ntime.sleep(3600)\n");
  // The driver takes the secret from configuration only (executors from _SPARK_AUTH_SECRET).
  const properties = path.join(cluster.logDir, "occupy.properties");
  await fs.writeFile(properties, `spark.authenticate.secret ${secret}\n`, { mode: 0o600 });
  const child = execa(toolchain.bin("spark-submit"), [
    "--master", cluster.masterUrl, "--name", name, "--driver-memory", "512m", "--properties-file", properties,
    "--conf", "spark.authenticate=true", "--conf", `spark.executor.cores=${executor.cores}`, "--conf", `spark.executor.memory=${executor.memory}`,
    script,
  ], {
    detached: true,
    reject: false,
    stdout: { file: path.join(cluster.logDir, `${name}.log`) },
    stderr: { file: path.join(cluster.logDir, `${name}.log`) },
    env: { SPARK_HOME: toolchain.sparkHome, PYSPARK_PYTHON: toolchain.bin("python"), SPARK_LOCAL_IP: "127.0.0.1", _SPARK_AUTH_SECRET: secret },
  });
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    await child.catch(() => undefined);
  };
  try {
    await waitFor(async () => {
      const master = await getJson<MasterStatusJson>(`${cluster.masterUi}/json/`);
      const running = master.activeapps.some((app) => app.name === name);
      return running && master.workers.every((w) => w.state !== "ALIVE" || w.coresfree === 0) ? true : undefined;
    }, 120_000, `${name} to hold every worker's cores`);
    return { name, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
