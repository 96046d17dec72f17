/**
 * A lifecycle job's output (2 rounds, queries q01 and q02), its answers and the oracle's, as
 * the phase reads them; q01's answer changes every round, q02's never does.
 */
import { lifecycleOutputSchema, passAnswerFileSchema, type LifecycleOutput } from "../../../src/core/engines/lifecycleOutputs";
import { stateOracleSchema } from "../../../src/core/engines/outputs";
import { target } from "../../../src/core/phase/targets";
import { buildLifecycleMetrics } from "../../../src/core/phases/lifecycleBuild";
import { lifecycleMetricsSchema } from "../../../src/core/phases/lifecycleMetrics";

// Query q01's answer changes every round (h0, h1, h2); q02's never does.
export const answer = (hash: string) => ({ columns: ["x"], rows: [[hash]], hash });
export const oracle = stateOracleSchema.parse({
  engine: "duckdb-1.4.3",
  states: [0, 1, 2].map((state) => ({ state, label: state ? `after round ${state}` : "pristine", orders: 100 + state, lineitem: 400 + state })),
  answers: { "0": { q01: { "0": "h0", "1": "h1", "2": "h2" }, q02: { "0": "k", "1": "k", "2": "k" } } },
  results: { h0: answer("h0"), h1: answer("h1"), h2: answer("h2"), k: answer("k") },
});

const storage = (round: number, after: "round" | "maintenance", live: number, total: number) => ({
  round,
  after,
  tables: {
    orders: { data_files: 1, data_bytes: live / 2, delete_files: 0, total_bytes: total / 2, metadata_bytes: 10, versions: round + 1 },
    lineitem: { data_files: 2, data_bytes: live / 2, delete_files: round, total_bytes: total / 2, metadata_bytes: 20, versions: round + 1 },
  },
});

export const pass = (id: string, state: number, q01: number, q02: number, status: "completed" | "unsupported" = "completed") => ({
  pass: id,
  state,
  started: 1000,
  ended: 1010,
  queries: status === "completed"
    ? { q01: { status, seconds: q01, rows: 1, hash: "x" }, q02: { status, seconds: q02, rows: 1, hash: "x" } }
    : { q01: { status, error: "no time travel" }, q02: { status, error: "no time travel" } },
});

export function rawOutput(overrides: Partial<LifecycleOutput> = {}): LifecycleOutput {
  return lifecycleOutputSchema.parse({
    format: "iceberg-mor",
    engine_version: "3.5.6",
    scale_factor: 0.01,
    rounds: 2,
    queries: ["q01", "q02"],
    copy: { method: "copy", seconds: 1 },
    change_method: "INSERT/DELETE",
    upsert_method: "MERGE INTO",
    maintenance_method: "rewrite_data_files",
    warmup_seconds: 3,
    passes: [pass("round-0", 0, 1, 2), pass("round-1", 1, 1.1, 2.2), pass("round-2", 2, 1.32, 2.64), pass("time-travel", 0, 1, 2), pass("maintained", 2, 1.05, 2.1)],
    changes: [1, 2].flatMap((round) => [
      { round, operation: "rf1", seconds: 1, tables: { orders: 0.5, lineitem: 0.5 } },
      { round, operation: "rf2", seconds: 2, tables: { orders: 1, lineitem: 1 } },
      { round, operation: "upsert", seconds: 3, tables: { lineitem: 3 }, rows: 50 },
    ]),
    storage: [storage(0, "round", 1000, 1100), storage(1, "round", 1000, 1500), storage(2, "round", 1000, 2000), storage(2, "maintenance", 1000, 1200)],
    counts: [0, 1, 2].map((state) => ({ state, orders: 100 + state, lineitem: 400 + state })),
    versions: [0, 1, 2].map((round) => ({ round, tables: { orders: `o${round}`, lineitem: `l${round}` } })),
    maintenance: { seconds: 7, operations: [{ table: "lineitem", procedure: "rewrite_data_files", seconds: 7 }] },
    time_travel: { supported: true, method: "VERSION AS OF", error: null },
    readable_after_maintenance: [{ round: 0, readable: false, lineitem_rows: null, error: "ValidationException: expired" }, { round: 1, readable: true, lineitem_rows: 401, error: null }],
    ...overrides,
  });
}

export const answersFor = (hashes: Record<string, string>) =>
  passAnswerFileSchema.parse({
    engine: "spark-iceberg-mor",
    passes: Object.fromEntries(Object.entries(hashes).map(([id, q01]) => [id, { q01: answer(q01), q02: answer("k") }])),
  });
export const rightAnswers = answersFor({ "round-0": "h0", "round-1": "h1", "round-2": "h2", "time-travel": "h0", maintained: "h2" });
export const build = (raw = rawOutput(), answers = rightAnswers) => lifecycleMetricsSchema.parse(buildLifecycleMetrics({ benchmarkId: "b1", scaleFactor: 0.01 }, target("spark", "iceberg-mor"), raw, answers, oracle));

