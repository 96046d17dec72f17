/** Hand-built state files for the tree and report tests. */
import { emptyState, type PhaseState, type RunRecord, type StateFile } from "../../../../src/core";

export function run(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    benchmarkId: "lb-20260101-100000-aaaa",
    command: "run",
    startedAt: "2026-01-01T10:00:00.000Z",
    finishedAt: "2026-01-01T10:05:00.000Z",
    status: "completed",
    config: { TPCH_SCALE_FACTOR: "0.01", FRAMEWORKS: "parquet,iceberg" },
    machine: {},
    phases: {},
    ...overrides,
  };
}

export function completed(result: Record<string, unknown> = {}, extra: Partial<PhaseState> = {}): PhaseState {
  return {
    status: "completed",
    startedAt: "2026-01-01T10:00:00.000Z",
    finishedAt: "2026-01-01T10:00:12.500Z",
    configHash: "0123456789abcdef",
    benchmarkId: "lb-20260101-100000-aaaa",
    logFile: "/ws/.lakebench/logs/lb-20260101-100000-aaaa/phase.log",
    result,
    ...extra,
  };
}

export function state(phases: Record<string, PhaseState>, runs: RunRecord[] = []): StateFile {
  return { ...emptyState(), phases, runs };
}
