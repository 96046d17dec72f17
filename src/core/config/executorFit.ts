/**
 * Whether one executor fits one worker, memory overhead included — the check that keeps a
 * cluster from waiting forever for a worker big enough ("requires more resource than any of
 * Workers could have"). Pure: reused for the Compose defaults and for spark:// masters.
 */

/** Spark's executor memory overhead: max(384 MiB, 10 % of the executor memory). */
export const OVERHEAD_MIN_MIB = 384;
export const OVERHEAD_FACTOR = 0.1;

export interface ExecutorSize {
  cores: number;
  memoryMiB: number;
}

export const executorOverheadMiB = (executorMemoryMiB: number): number =>
  Math.max(OVERHEAD_MIN_MIB, Math.floor(OVERHEAD_FACTOR * executorMemoryMiB));

/** Memory one executor takes on a worker: its heap plus the overhead. */
export const executorFootprintMiB = (executorMemoryMiB: number): number => executorMemoryMiB + executorOverheadMiB(executorMemoryMiB);

export function executorFits(executor: ExecutorSize, worker: ExecutorSize): boolean {
  return executor.cores <= worker.cores && executorFootprintMiB(executor.memoryMiB) <= worker.memoryMiB;
}

/** The largest executor a worker can host: all its cores, and its memory less the overhead (whole MiB). */
export function largestExecutorFor(worker: ExecutorSize): ExecutorSize {
  // Below 10 × 384 MiB of heap the overhead is the fixed minimum; above it, 10 % of the heap.
  const byMinimum = worker.memoryMiB - OVERHEAD_MIN_MIB;
  const memoryMiB = byMinimum <= OVERHEAD_MIN_MIB / OVERHEAD_FACTOR ? byMinimum : Math.floor(worker.memoryMiB / (1 + OVERHEAD_FACTOR));
  // Floor rounding of the 10 % may leave a MiB to spare or short: settle on the largest that fits.
  let fitted = Math.max(0, Math.floor(memoryMiB));
  while (fitted > 0 && executorFootprintMiB(fitted) > worker.memoryMiB) fitted--;
  while (executorFootprintMiB(fitted + 1) <= worker.memoryMiB) fitted++;
  return { cores: worker.cores, memoryMiB: fitted };
}
