/**
 * Turns the lifecycle job's output into the metrics file: every answer checked against the
 * oracle at the round its pass read, the row counts after every round against the oracle's,
 * storage per round, and the summary figures. Pure: the phase reads the files, this judges.
 */
import { compareAnswers, type Answer } from "../answers/compare";
import type { LifecycleOutput, PassAnswerFile } from "../engines/lifecycleOutputs";
import type { StateOracle } from "../engines/outputs";
import { degradationRate, recovery, slowdown, storageAmplification } from "../metrics/lifecycle";
import { geometricMean } from "../metrics/statistics";
import type { Target } from "../phase/targets";
import { LIFECYCLE_LABEL, type LifecycleMetrics, type LifecyclePassMetrics, type StoragePoint } from "./lifecycleMetrics";

/** The oracle's sequence is stream "0" of the state oracle's shape (answers/lifecycleOracle.ts). */
const ORACLE_STREAM = "0";

function oracleAnswer(oracle: StateOracle, query: string, state: number): Answer | undefined {
  const hash = oracle.answers[ORACLE_STREAM]?.[query]?.[String(state)];
  if (hash !== undefined) return oracle.results[hash];
  const error = oracle.errors?.[ORACLE_STREAM]?.[query];
  return error === undefined ? undefined : { error };
}

const roundOf = (pass: string): number | undefined => (pass.startsWith("round-") ? Number(pass.slice("round-".length)) : undefined);

function storagePoint(entry: LifecycleOutput["storage"][number]): StoragePoint {
  const tables = [entry.tables.orders, entry.tables.lineitem];
  const sum = (pick: (t: (typeof tables)[number]) => number | null | undefined) => tables.reduce((s, t) => s + (pick(t) ?? 0), 0);
  const liveBytes = sum((t) => t.data_bytes);
  const totalBytes = sum((t) => t.total_bytes);
  const versions = tables.every((t) => typeof t.versions === "number") ? sum((t) => t.versions) : null;
  return {
    round: entry.round,
    after: entry.after,
    liveBytes,
    totalBytes,
    deadBytes: Math.max(0, totalBytes - liveBytes),
    metadataBytes: sum((t) => t.metadata_bytes),
    dataFiles: sum((t) => t.data_files),
    deleteFiles: sum((t) => t.delete_files),
    versions,
    amplification: storageAmplification([{ liveBytes, totalBytes }]),
  };
}

export function buildLifecycleMetrics(
  run: { benchmarkId: string; scaleFactor: number },
  target: Target,
  raw: LifecycleOutput,
  answers: PassAnswerFile,
  oracle: StateOracle,
): LifecycleMetrics {
  const failed: string[] = [];
  const mismatched: string[] = [];
  const unsupported: string[] = [];
  let checked = 0;

  const roundZero = raw.passes.find((p) => p.pass === "round-0");
  const secondsOf = (pass: typeof roundZero) =>
    Object.fromEntries(Object.entries(pass?.queries ?? {}).filter(([, q]) => q.status === "completed" && q.seconds !== undefined).map(([name, q]) => [name, q.seconds!]));
  const zeroSeconds = secondsOf(roundZero);

  const passes: LifecyclePassMetrics[] = raw.passes.map((pass) => {
    const queries: LifecyclePassMetrics["queries"] = {};
    for (const [name, query] of Object.entries(pass.queries)) {
      const label = `${pass.pass} ${name}`;
      let answer: LifecyclePassMetrics["queries"][string]["answer"];
      if (query.status === "completed") {
        answer = compareAnswers(answers.passes[pass.pass]?.[name], oracleAnswer(oracle, name, pass.state), oracle.engine);
        checked++;
        if (answer.status !== "match") mismatched.push(label);
      } else {
        answer = { status: "unchecked", detail: query.status === "failed" ? "the query failed" : "the format cannot run it" };
        (query.status === "failed" ? failed : unsupported).push(query.status === "failed" ? label : `${label}: ${query.error ?? "unsupported"}`);
      }
      queries[name] = { status: query.status, seconds: query.seconds, error: query.error, answer };
    }
    const seconds = Object.values(pass.queries).map((q) => (q.status === "completed" ? q.seconds : undefined));
    const complete = seconds.length > 0 && seconds.every((s) => s !== undefined);
    const timed = seconds.filter((s): s is number => s !== undefined);
    return {
      pass: pass.pass,
      state: pass.state,
      sumSeconds: complete ? timed.reduce((a, b) => a + b, 0) : null,
      geometricMeanSeconds: complete ? geometricMean(timed) : null,
      slowdown: pass.pass === "round-0" ? null : slowdown(secondsOf(pass), zeroSeconds),
      queries,
    };
  });

  const expected = new Map(oracle.states.map((s) => [s.state, s]));
  const counts = raw.counts.map((c) => {
    const e = expected.get(c.state);
    return { state: c.state, orders: c.orders, lineitem: c.lineitem, expected: { orders: e?.orders ?? -1, lineitem: e?.lineitem ?? -1 }, ok: e !== undefined && e.orders === c.orders && e.lineitem === c.lineitem };
  });
  const countMismatches = counts.filter((c) => !c.ok).map((c) => `round ${c.state}: orders ${c.orders} (expected ${c.expected.orders}), lineitem ${c.lineitem} (expected ${c.expected.lineitem})`);

  const readable = raw.readable_after_maintenance.map((r) => {
    const rowsOk = r.readable && typeof r.lineitem_rows === "number" ? r.lineitem_rows === expected.get(r.round)?.lineitem : null;
    // A format that reads a cleaned version as different rows instead of failing is a finding
    // about the format, reported beside the version, not a failure of the run.
    return { round: r.round, readable: r.readable, rowsOk, rows: r.lineitem_rows ?? null, expectedRows: expected.get(r.round)?.lineitem ?? null, error: r.error ?? null };
  });

  const changes = [...new Set(raw.changes.map((c) => c.round))].sort((a, b) => a - b).map((round) => {
    const of = (operation: string) => raw.changes.find((c) => c.round === round && c.operation === operation);
    return { round, rf1: of("rf1")?.seconds ?? 0, rf2: of("rf2")?.seconds ?? 0, upsert: of("upsert")?.seconds ?? 0, upsertRows: of("upsert")?.rows ?? null };
  });

  const storage = raw.storage.map(storagePoint);
  const afterRounds = storage.filter((s) => s.after === "round").at(-1);
  const afterMaintenance = storage.find((s) => s.after === "maintenance") ?? afterRounds;
  const roundSums = passes.filter((p) => roundOf(p.pass) !== undefined).sort((a, b) => roundOf(a.pass)! - roundOf(b.pass)!).map((p) => p.sumSeconds);
  const sums = roundSums.every((s): s is number => s !== null && s > 0) ? roundSums : null;
  const maintained = passes.find((p) => p.pass === "maintained")?.sumSeconds ?? null;
  const travel = passes.find((p) => p.pass === "time-travel");

  return {
    schemaVersion: 1,
    kind: "lifecycle",
    label: LIFECYCLE_LABEL,
    benchmarkId: run.benchmarkId,
    target: target.id,
    engine: target.engine,
    format: target.format,
    scaleFactor: run.scaleFactor,
    engineVersion: raw.engine_version,
    oracle: oracle.engine,
    rounds: raw.rounds,
    queries: raw.queries,
    copy: { method: raw.copy.method, seconds: raw.copy.seconds },
    ...(raw.resumed ? { resumed: { afterRound: raw.resumed.after_round, method: raw.resumed.method, seconds: raw.resumed.seconds } } : {}),
    methods: { change: raw.change_method, upsert: raw.upsert_method, maintenance: raw.maintenance_method, timeTravel: raw.time_travel.method },
    passes,
    changes,
    storage,
    maintenance: {
      seconds: raw.maintenance.seconds,
      operations: raw.maintenance.operations.map((o) => ({ table: o.table, procedure: o.procedure, seconds: o.seconds })),
      readable,
    },
    timeTravel: {
      supported: raw.time_travel.supported,
      error: raw.time_travel.error ?? null,
      seconds: travel?.sumSeconds ?? null,
      matchesRoundZero: travel !== undefined && Object.values(travel.queries).length > 0 && Object.values(travel.queries).every((q) => q.answer.status === "match"),
    },
    counts,
    summary: {
      degradation: sums && sums.length >= 2 ? degradationRate(sums) : null,
      recovery: maintained !== null && maintained > 0 && sums ? recovery(maintained, sums[0]) : null,
      amplificationAfterRounds: afterRounds?.amplification ?? 1,
      amplificationAfterMaintenance: afterMaintenance?.amplification ?? 1,
      changeSeconds: raw.changes.reduce((s, c) => s + c.seconds, 0),
      maintenanceSeconds: raw.maintenance.seconds,
    },
    ...(raw.common_settings && raw.format_settings ? { settings: { common: raw.common_settings, format: raw.format_settings } } : {}),
    totals: { checked, passed: checked - mismatched.length, failed, mismatched, countMismatches, unsupported },
  };
}
