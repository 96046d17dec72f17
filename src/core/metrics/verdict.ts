/**
 * The report's verdict: which target loads fastest, answers the queries fastest and stores
 * smallest, and by how much, each as a ratio to the best with its 95 % interval. Pure: the
 * same input gives the same verdict (the bootstraps use a seeded random source).
 */
import { median } from "simple-statistics";
import { BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, CONFIDENCE, resample, resampledMedian } from "./bootstrap";
import { rankValues, type RankedTarget, type Ranking, type TargetKey } from "./ranking";
import { seededRandom, type RandomSource } from "./seededRandom";
import { geometricMean, MIN_RUNS_TO_JUDGE_NOISE } from "./statistics";

/** Below this many runs per query the intervals come with a warning (see caveats). */
export const FEW_RUNS = 6;

/** A bootstrap over fewer tables than this says nothing. */
export const MIN_TABLES_TO_RESAMPLE = 3;

/** What the verdict reads: a report model has this shape (older ones lack the runs). */
export interface VerdictInput {
  /** In the report's order, which breaks ties; the label is what the verdict's sentences show. */
  targets: { id: TargetKey; label: string }[];
  load: Partial<Record<TargetKey, { dataBytes: number; metadataBytes: number; tables: Record<string, { seconds: number }> }>>;
  queries: { name: string; byTarget: Partial<Record<TargetKey, { status: string; seconds?: number[] }>> }[];
  concurrentTimings?: boolean;
}

export interface VerdictMethod {
  confidence: number;
  resamples: number;
  seed: number;
  random: "mulberry32";
  load: string;
  queries: string;
  storage: string;
}

export interface Verdict {
  load: Ranking;
  queries: Ranking;
  storage: Ranking;
  method: VerdictMethod;
  /** Conditions that weaken every comparison (formats timed concurrently). */
  caveats: string[];
}

export interface VerdictOptions {
  resamples?: number;
  seed?: number;
}

const METHOD = {
  queries:
    "Query time is the geometric mean, over the queries every format answered, of each query's median timed run. Its interval is a percentile bootstrap over the timed runs: each query's runs are resampled with replacement per format, the geometric mean of the medians and the ratio to the best format are recomputed in every resample.",
  load:
    "Load time is the sum of the tables' load seconds. Each table is loaded once, so there is no run-to-run spread to resample: the interval is a bootstrap over tables (the same resampled tables for every format). It shows whether the ratio holds across tables, not measurement noise.",
  storage: "Storage is the data plus metadata bytes on disk after the load: a count of bytes, not a timing, that barely changes between loads of the same data, so it gets no interval.",
};

export function computeVerdict(input: VerdictInput, options: VerdictOptions = {}): Verdict {
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const seed = options.seed ?? BOOTSTRAP_SEED;
  return {
    // Each ranking draws from its own source, so adding one does not shift another's intervals.
    queries: queryRanking(input, resamples, seededRandom(seed)),
    load: loadRanking(input, resamples, seededRandom(seed + 1)),
    storage: storageRanking(input),
    method: { confidence: CONFIDENCE, resamples, seed, random: "mulberry32", ...METHOD },
    caveats: caveats(input),
  };
}

function queryRanking(input: VerdictInput, resamples: number, random: RandomSource): Ranking {
  const runsOf = (target: TargetKey, name: string): number[] | undefined => {
    const cell = input.queries.find((q) => q.name === name)?.byTarget[target];
    return cell?.status === "completed" && cell.seconds?.length ? cell.seconds : undefined;
  };
  const ran = ranked(input).filter((t) => input.queries.some((q) => q.byTarget[t.target]));
  const answered = ran.filter((t) => input.queries.some((q) => runsOf(t.target, q.name)));
  const excluded = ranked(input)
    .filter((t) => !answered.some((a) => a.target === t.target))
    .map((t) => ({ ...t, reason: ran.some((r) => r.target === t.target) ? "answered no query with timed runs" : "no query figures" }));
  const common = input.queries.map((q) => q.name).filter((name) => answered.every((t) => runsOf(t.target, name)));
  const frame = {
    figure: "queries" as const,
    unit: "s" as const,
    statistic: "geometric mean of the per-query medians",
    basis: `${common.length} of ${input.queries.length} queries every format answered`,
    excluded,
  };
  if (!answered.length || !common.length) return rankValues(frame, [], { source: "none", reason: answered.length ? "no query was answered by every format" : "no format answered a query" });
  const runs = new Map(answered.map((t) => [t.target, common.map((name) => runsOf(t.target, name)!)]));
  const values = answered.map((t): [RankedTarget, number] => [t, geometricMean(runs.get(t.target)!.map((r) => median(r))) ?? 0]);
  const fewest = answered.flatMap((t) => common.map((name, i) => ({ t, name, n: runs.get(t.target)![i].length }))).sort((a, b) => a.n - b.n)[0];
  if (fewest.n < MIN_RUNS_TO_JUDGE_NOISE) {
    return rankValues(frame, values, { source: "none", reason: `${fewest.name} on ${fewest.t.label} has ${fewest.n} timed run${fewest.n === 1 ? "" : "s"}; a bootstrap needs at least ${MIN_RUNS_TO_JUDGE_NOISE} per query` });
  }
  const resampled = new Map(
    answered.map((t) => [t.target, Array.from({ length: resamples }, () => geometricMean(runs.get(t.target)!.map((r) => resampledMedian(r, random))) ?? 0)]),
  );
  return rankValues(frame, values, { source: "timed runs", resampled });
}

function loadRanking(input: VerdictInput, resamples: number, random: RandomSource): Ranking {
  const loaded = ranked(input).filter((t) => input.load[t.target]);
  const tableNames = [...new Set(loaded.flatMap((t) => Object.keys(input.load[t.target]!.tables)))];
  const common = tableNames.filter((table) => loaded.every((t) => input.load[t.target]!.tables[table]));
  const frame = {
    figure: "load" as const,
    unit: "s" as const,
    statistic: "sum of the tables' load seconds",
    basis: common.length === tableNames.length ? `${common.length} tables` : `${common.length} of ${tableNames.length} tables every format loaded`,
    excluded: notLoaded(input),
  };
  const seconds = (target: TargetKey, tables: string[]) => tables.reduce((sum, t) => sum + input.load[target]!.tables[t].seconds, 0);
  const values = loaded.map((t): [RankedTarget, number] => [t, seconds(t.target, common)]);
  if (common.length < MIN_TABLES_TO_RESAMPLE) {
    return rankValues(frame, values, { source: "none", reason: `one load per table and only ${common.length} table${common.length === 1 ? "" : "s"}: nothing to resample` });
  }
  const draws = Array.from({ length: resamples }, () => resample(common, random));
  const resampled = new Map(loaded.map((t) => [t.target, draws.map((tables) => seconds(t.target, tables))]));
  return rankValues(frame, values, { source: "tables", resampled });
}

function storageRanking(input: VerdictInput): Ranking {
  const loaded = ranked(input).filter((t) => input.load[t.target]);
  const values = loaded.map((t): [RankedTarget, number] => [t, input.load[t.target]!.dataBytes + input.load[t.target]!.metadataBytes]);
  return rankValues(
    { figure: "storage", unit: "bytes", statistic: "data + metadata bytes", basis: "every table", excluded: notLoaded(input) },
    values,
    { source: "deterministic" },
  );
}

function caveats(input: VerdictInput): string[] {
  const list: string[] = [];
  if (input.concurrentTimings) list.push("Formats were timed concurrently on shared resources: the time ratios include their contention.");
  const runs = input.queries.flatMap((q) => Object.values(q.byTarget).flatMap((c) => (c?.status === "completed" && c.seconds?.length ? [c.seconds.length] : [])));
  // A bootstrap of a median from a handful of runs sees little of the spread it could have.
  if (runs.length && Math.min(...runs) < FEW_RUNS) {
    list.push(`Some queries have fewer than ${FEW_RUNS} timed runs: a bootstrap over so few runs can understate the spread. QUERY_ITERATIONS=auto repeats each query until its median's interval is narrow enough (QUERY_TARGET_CI_WIDTH).`);
  }
  return list;
}

const ranked = (input: VerdictInput): RankedTarget[] => input.targets.map((t) => ({ target: t.id, label: t.label }));
const notLoaded = (input: VerdictInput) => ranked(input).filter((t) => !input.load[t.target]).map((t) => ({ ...t, reason: "no completed load" }));
