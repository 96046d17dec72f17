/**
 * Before a Spark phase on a spark:// master: can any alive worker host one executor at all?
 * Spark itself would wait forever ("requires more resource than any of Workers could have").
 * Capacity, not free resources: a busy cluster is a wait (bounded by the job's executor
 * wait), not a refusal. An unreadable status is a warning, never a refusal.
 */
import { z } from "zod";
import type { BenchConfig } from "../../config/benchConfig";
import { memoryMiB } from "../../config/memorySize";

/** The standalone master's default web UI port; the spark:// URL names only the RPC port. */
const DEFAULT_UI_PORT = 8080;
const STATUS_TIMEOUT_MS = 5_000;

/** The part of the master's /json/ document (Spark's JsonProtocol.writeMasterState) we read. */
const masterStatusSchema = z.object({
  url: z.string().optional(),
  workers: z.array(
    z.object({
      host: z.string(),
      port: z.number(),
      cores: z.number(),
      /** MiB. */
      memory: z.number(),
      state: z.string(),
    }),
  ),
});
export type MasterStatus = z.infer<typeof masterStatusSchema>;
type WorkerStatus = MasterStatus["workers"][number];

export interface ExecutorSize {
  cores: number;
  /** spark.executor.memory as configured, e.g. "4g". */
  memory: string;
}

export class ClusterCapacityError extends Error {
  constructor(
    readonly master: string,
    readonly executor: ExecutorSize,
    readonly workers: WorkerStatus[],
  ) {
    super(capacityMessage(master, executor, workers));
    this.name = "ClusterCapacityError";
  }
}

/** Where the master's status is read: SPARK_MASTER_UI_URL, or the master's host on port 8080. */
export function masterStatusUrl(config: BenchConfig): string {
  const base = config.spark.masterUi || `http://${masterHostPort(config.spark.master).host}:${DEFAULT_UI_PORT}`;
  return `${base.replace(/\/+$/, "")}/json/`;
}

/**
 * Resolves when the master is not spark://, when some alive worker can host one executor, or
 * when the status cannot be read (then `warn` says so); throws ClusterCapacityError otherwise.
 */
export async function assertClusterCanHostExecutor(config: BenchConfig, warn: (message: string) => void, signal?: AbortSignal): Promise<void> {
  const { master } = config.spark;
  if (!master.startsWith("spark://")) return;
  const url = masterStatusUrl(config);
  const notChecked = `not checked whether a worker can host an executor; a job without an executor fails after SPARK_EXECUTOR_WAIT_SECONDS=${config.spark.executorWaitSeconds}`;
  let status: MasterStatus;
  try {
    status = await readMasterStatus(url, signal);
  } catch (error) {
    signal?.throwIfAborted();
    warn(`Could not read the Spark master's status at ${url} (${error instanceof Error ? error.message : String(error)}; set SPARK_MASTER_UI_URL if the UI is elsewhere): ${notChecked}`);
    return;
  }
  const statusOf = status.url ? masterHostPort(status.url) : undefined;
  if (statusOf && statusOf.port !== masterHostPort(master).port) {
    warn(`The status at ${url} is of ${status.url}, not of SPARK_MASTER=${master}: ${notChecked}`);
    return;
  }
  const executor = { cores: config.spark.executorCores, memory: config.spark.executorMemory };
  if (!status.workers.some((worker) => canHostExecutor(worker, executor))) throw new ClusterCapacityError(master, executor, status.workers);
}

/**
 * The standalone master's own rule (Master.scheduleExecutorsOnWorkers): enough cores, and
 * spark.executor.memory within the worker's memory. Unlike YARN and Kubernetes it reserves
 * no memory overhead on top (seen on a real master: a 1g executor fills a 1g worker), so
 * config/executorFit.ts, which adds it, would refuse executors this master places.
 */
export function canHostExecutor(worker: WorkerStatus, executor: ExecutorSize): boolean {
  // The configuration is validated, so the size always parses; were it not, do not refuse.
  return worker.state === "ALIVE" && worker.cores >= executor.cores && worker.memory >= (memoryMiB(executor.memory) ?? 0);
}

export async function readMasterStatus(url: string, signal?: AbortSignal): Promise<MasterStatus> {
  const timeout = AbortSignal.timeout(STATUS_TIMEOUT_MS);
  const response = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const parsed = masterStatusSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new Error("not a Spark master's JSON status");
  return parsed.data;
}

function masterHostPort(url: string): { host: string; port: string } {
  const match = /^spark:\/\/([^:/]+):(\d+)/.exec(url);
  return { host: match?.[1] ?? "localhost", port: match?.[2] ?? "" };
}

function capacityMessage(master: string, executor: ExecutorSize, workers: WorkerStatus[]): string {
  const size = `${executor.cores} ${executor.cores === 1 ? "core" : "cores"} / ${executor.memory}`;
  const alive = workers.filter((w) => w.state === "ALIVE");
  const listed = workers.map((w) => `${w.host}:${w.port} ${w.state} ${w.cores} ${w.cores === 1 ? "core" : "cores"} / ${w.memory}m`).join(", ");
  const why = alive.length === 0
    ? `${master} has no ALIVE worker${workers.length ? ` (${listed})` : ""}`
    : `no ALIVE worker of ${master} is that large (${listed})`;
  return (
    `No worker can host one executor of ${size} (SPARK_EXECUTOR_CORES=${executor.cores}, SPARK_EXECUTOR_MEMORY=${executor.memory}): ${why}. ` +
    "Spark would wait forever; lower SPARK_EXECUTOR_CORES / SPARK_EXECUTOR_MEMORY to fit a worker, or start larger workers."
  );
}
