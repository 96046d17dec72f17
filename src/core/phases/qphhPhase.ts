/**
 * The TPC-H power and throughput test on one target (workload step kind refresh-test): the
 * engine works on a per-run copy of orders and lineitem, changed by the refresh functions;
 * every answer is then checked against the DuckDB oracle at the table state it ran on, and
 * the row counts after every refresh function against the oracle's.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { compareAnswers, type Answer } from "../answers/compare";
import { ensureStateOracle } from "../answers/stateOracle";
import { checkAnswerInWindow } from "../answers/stateWindow";
import type { BronzeManifest } from "../datagen/manifest";
import { refreshManifestSchema } from "../datagen/refreshManifest";
import type { EngineSession } from "../engines";
import { FORMATS } from "../formats";
import { readJobOutput } from "../engines/jobOutput";
import { qphhOutputSchema, streamAnswerFileSchema, type QphhOutput, type StateOracle, type StreamAnswerFile, type TimedQuery } from "../engines/outputs";
import { powerAtSize, qphhAtSize, throughputAtSize } from "../metrics/qphh";
import type { JobEvent, PhaseContext } from "../phase/context";
import { PhaseFailedError } from "../phase/errors";
import type { DataLayout } from "../phase/layout";
import { removeOwned } from "../phase/ownedPaths";
import type { Target } from "../phase/targets";
import { readJson, writeJson } from "../runners/jsonFile";
import { QPHH_LABEL, qphhMetricsSchema, type QphhMetrics, type QueryInterval } from "./qphhMetrics";
import type { QphhResult } from "./results";

/** Refresh sets a run needs: set 1 for the power test, one per query stream for the throughput test. */
export const refreshSetsNeeded = (streams: number): number => streams + 1;

/** The power test runs its queries after RF1 of set 1 changed orders (state 1) and lineitem (state 2). */
export const POWER_QUERY_STATE = 2;

/**
 * TPC-H clause 2.1.3.3's seed: the time the database was populated, as mmddhhmmss. The
 * bronze data is what every target is loaded from, so every target draws the same parameters.
 */
export function querySeed(bronzeCreatedAt: string): number {
  const t = new Date(bronzeCreatedAt);
  const two = (n: number) => String(n).padStart(2, "0");
  return Number(`${two(t.getUTCMonth() + 1)}${two(t.getUTCDate())}${two(t.getUTCHours())}${two(t.getUTCMinutes())}${two(t.getUTCSeconds())}`);
}

/** The run's files for one target and its working copy; removal checks each lies inside what the run owns. */
export async function removeQphhOutputs(layout: DataLayout, benchmarkId: string, target: Target): Promise<void> {
  await Promise.all(Object.values(layout.qphhFiles(benchmarkId, target)).map((f) => removeOwned(f, layout.ownedRoots)));
  await removeWorkingCopy(layout, benchmarkId, target);
}

/** The target's copy, then the run's work directory once no other target's copy is left in it. */
async function removeWorkingCopy(layout: DataLayout, benchmarkId: string, target: Target): Promise<void> {
  const copy = layout.workRoot(benchmarkId, target.format);
  await removeOwned(copy, layout.ownedRoots, { recursive: true });
  await fs.rmdir(path.dirname(copy)).catch(() => undefined); // ENOTEMPTY or ENOENT: leave it
}

export async function runQphhPhase(ctx: PhaseContext, engine: EngineSession, target: Target): Promise<QphhResult> {
  const { layout, config } = ctx;
  await engine.beforePhase(ctx);
  const files = layout.qphhFiles(ctx.benchmarkId, target);
  // A killed earlier attempt may have left a half-changed copy: always start from a fresh one.
  await removeQphhOutputs(layout, ctx.benchmarkId, target);
  const bronze = await readJson<BronzeManifest>(layout.bronzeManifest);
  const refresh = refreshManifestSchema.parse(await readJson(layout.refreshManifest));
  const streams = config.throughputStreams;
  const seed = querySeed(bronze.createdAt);
  const oracle = await ensureStateOracle(ctx, { streams, parameters: config.queryParameters, seed, refreshCreatedAt: refresh.createdAt });
  await fs.mkdir(layout.workRoot(ctx.benchmarkId, target.format), { recursive: true });
  await engine.runRefreshTest(ctx, {
    format: target.format,
    workRoot: layout.workRoot(ctx.benchmarkId, target.format),
    refreshDir: layout.refreshDir,
    streams,
    parameters: config.queryParameters,
    seed,
    output: files.raw,
    answers: files.answers,
    onEvent: (event) => {
      const line = progressLine(event);
      if (line) ctx.progress(`${ctx.phase}: ${line}`);
    },
  });
  const raw = await readJobOutput(ctx.phase, files.raw, qphhOutputSchema);
  const answers = await readJobOutput(ctx.phase, files.answers, streamAnswerFileSchema);
  await removeWorkingCopy(layout, ctx.benchmarkId, target);
  const metrics = qphhMetricsSchema.parse(buildQphhMetrics({ benchmarkId: ctx.benchmarkId, scaleFactor: config.scaleFactor }, target, raw, answers, oracle.oracle));
  await writeJson(files.metrics, metrics);
  const { totals } = metrics;
  const result: QphhResult = {
    metricsFile: files.metrics,
    answersFile: files.answers,
    oracleFile: oracle.file,
    streams,
    powerAtSize: metrics.power.powerAtSize,
    throughputAtSize: metrics.throughput.throughputAtSize,
    qphhAtSize: metrics.qphhAtSize,
    rf1Seconds: metrics.power.rf1.seconds,
    rf2Seconds: metrics.power.rf2.seconds,
    checked: totals.checked,
    passed: totals.passed,
    failed: totals.failed,
    mismatched: totals.mismatched,
    countMismatches: totals.countMismatches,
    unisolated: totals.unisolated,
  };
  if (totals.unisolated.length) ctx.progress(`${ctx.phase}: ${FORMATS[target.format].label} has no snapshot isolation; throughput queries that overlapped a rewrite: ${totals.unisolated.join("; ")}`);
  if (totals.failed.length || totals.mismatched.length || totals.countMismatches.length) {
    const parts = [
      totals.failed.length ? `failed: ${totals.failed.join(", ")}` : "",
      totals.mismatched.length ? `wrong answers: ${totals.mismatched.join(", ")}` : "",
      totals.countMismatches.length ? `wrong row counts: ${totals.countMismatches.join("; ")}` : "",
    ];
    throw new PhaseFailedError(ctx.phase, parts.filter(Boolean).join("; "), result);
  }
  return result;
}

type RawQuery = TimedQuery;

const seconds = (value: unknown) => (typeof value === "number" ? `${value.toFixed(3)} s` : "");

/** The job's events as progress lines: the copy, each refresh function, each query of each stream. */
function progressLine(event: JobEvent): string | undefined {
  if (event.event === "copy_done") return `working copy made in ${seconds(event.seconds)}`;
  if (event.event === "refresh_done") return `${String(event.function).toUpperCase()} of set ${String(event.set)} ${seconds(event.seconds)}`;
  if (event.event !== "query_done") return undefined;
  const where = event.stream === 0 ? "power test" : `stream ${String(event.stream)}`;
  return `${where} ${String(event.query)} ${event.status === "completed" ? seconds(event.seconds) : `FAILED ${String(event.error ?? "")}`}`;
}

/** The oracle's answer of a stream's query at a state (undefined where it computed none). */
function oracleAnswer(oracle: StateOracle, stream: number, query: string, state: number): Answer | undefined {
  const hash = oracle.answers[String(stream)]?.[query]?.[String(state)];
  return hash === undefined ? undefined : oracle.results[hash];
}

export function buildQphhMetrics(
  ctx: { benchmarkId: string; scaleFactor: number },
  target: Target,
  raw: QphhOutput,
  answers: StreamAnswerFile,
  oracle: StateOracle,
): QphhMetrics {
  const failed: string[] = [];
  const mismatched: string[] = [];
  const unisolated: string[] = [];
  let checked = 0;
  const tally = (label: string, query: RawQuery, answer: QueryInterval["answer"], concurrent = false) => {
    if (concurrent && !FORMATS[target.format].isolatesReaders && (query.status === "failed" || answer.status !== "match")) {
      unisolated.push(`${label} ${query.status === "failed" ? `failed: ${query.error ?? ""}` : "read part of a rewrite"}`.trim());
      if (query.status !== "failed") checked++;
      return;
    }
    if (query.status === "failed") failed.push(label);
    else {
      checked++;
      if (answer.status !== "match") mismatched.push(label);
    }
  };
  const started = raw.throughput.started;

  const powerQueries: Record<string, QueryInterval> = {};
  for (const [name, query] of Object.entries(raw.power.queries)) {
    const answer = query.status === "completed"
      ? { ...compareAnswers(answers.streams["0"]?.[name], oracleAnswer(oracle, 0, name, POWER_QUERY_STATE), oracle.engine), state: POWER_QUERY_STATE }
      : { status: "unchecked" as const, detail: "the query failed" };
    powerQueries[name] = { status: query.status, seconds: query.seconds, error: query.error, answer };
    tally(`power ${name}`, query, answer);
  }

  const streams = raw.throughput.streams.map((stream) => {
    const queries: Record<string, QueryInterval> = {};
    for (const [name, query] of Object.entries(stream.queries)) {
      const window = query.window;
      const answer = query.status === "completed" && window
        ? checkAnswerInWindow(answers.streams[String(stream.stream)]?.[name], window, (state) => oracleAnswer(oracle, stream.stream, name, state), oracle.engine)
        : { status: "unchecked" as const, detail: query.status === "failed" ? "the query failed" : "no state window recorded" };
      queries[name] = {
        status: query.status,
        seconds: query.seconds,
        error: query.error,
        startedAt: query.started === undefined ? undefined : query.started - started,
        endedAt: query.ended === undefined ? undefined : query.ended - started,
        window,
        answer,
      };
      tally(`stream ${stream.stream} ${name}`, query, answer, true);
    }
    return { stream: stream.stream, order: stream.order, startedAt: stream.started - started, endedAt: stream.ended - started, queries };
  });

  const expectedCounts = new Map(oracle.states.map((s) => [s.state, s]));
  const counts = raw.counts.map((count) => {
    const expected = expectedCounts.get(count.state);
    const ok = expected !== undefined && expected.orders === count.orders && expected.lineitem === count.lineitem;
    return { ...count, expected: { orders: expected?.orders ?? -1, lineitem: expected?.lineitem ?? -1 }, ok };
  });
  const countMismatches = counts.filter((c) => !c.ok).map((c) => `state ${c.state}: orders ${c.orders} (expected ${c.expected.orders}), lineitem ${c.lineitem} (expected ${c.expected.lineitem})`);

  const powerIntervals = Object.values(raw.power.queries);
  const power = powerIntervals.length === 22 && powerIntervals.every((q) => q.status === "completed")
    ? powerAtSize(ctx.scaleFactor, powerIntervals.map((q) => q.seconds!), [raw.power.rf1.seconds, raw.power.rf2.seconds])
    : null;
  const throughputComplete = streams.every((s) => Object.keys(s.queries).length === 22 && Object.values(s.queries).every((q) => q.status === "completed"));
  const throughput = throughputComplete ? throughputAtSize(ctx.scaleFactor, streams.length, raw.throughput.seconds) : null;

  return {
    schemaVersion: 1,
    kind: "qphh",
    label: QPHH_LABEL,
    benchmarkId: ctx.benchmarkId,
    target: target.id,
    engine: target.engine,
    format: target.format,
    scaleFactor: ctx.scaleFactor,
    engineVersion: raw.engine_version,
    oracle: oracle.engine,
    streams: raw.streams,
    parameters: raw.parameters,
    seed: raw.seed,
    copy: raw.copy,
    changeMethod: raw.change_method,
    power: { order: raw.power.order, rf1: raw.power.rf1, rf2: raw.power.rf2, queries: powerQueries, powerAtSize: power },
    throughput: {
      seconds: raw.throughput.seconds,
      streams,
      refresh: raw.throughput.refresh.map((r) => ({ set: r.set, startedAt: r.started - started, endedAt: r.ended - started, rf1: r.rf1, rf2: r.rf2 })),
      throughputAtSize: throughput,
    },
    qphhAtSize: power !== null && throughput !== null ? qphhAtSize(power, throughput) : null,
    counts,
    storage: raw.storage,
    ...(raw.common_settings && raw.format_settings ? { settings: { common: raw.common_settings, format: raw.format_settings } } : {}),
    totals: { checked, passed: checked - mismatched.length - unisolated.filter((u) => u.endsWith("read part of a rewrite")).length, failed, mismatched, countMismatches, unisolated },
  };
}
