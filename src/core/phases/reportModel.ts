/** Gathers the report model from the state and the files the phases wrote. */
import { z } from "zod";
import { queryName } from "../answers/oracle";
import { FORMATS } from "../formats";
import { computeVerdict } from "../metrics/verdict";
import type { PhaseContext } from "../phase/context";
import { targetsOf, type TargetId } from "../phase/targets";
import type { QueryRow, ReportModel, ReportTarget } from "../report/model";
import { summarizeQphh } from "../report/qphhSummary";
import { readJson } from "../runners/jsonFile";
import type { PhaseState } from "../state/schema";
import { metricsFileSchema, type QueriesMetrics } from "./metricsFile";
import { qphhMetricsSchema } from "./qphhMetrics";
import { queryCell, rowSpread } from "./queryCells";
import { bronzeResultSchema, loadResultSchema, queriesResultSchema, resultOf } from "./results";
import { lifecycleMetricsSchema } from "./lifecycleMetrics";
import { summarizeLifecycle } from "../report/lifecycleSummary";

/** What every changing step's result names, failed or not. */
const metricsFileResultSchema = z.object({ metricsFile: z.string() });

/** The phase ids of a target in the workload (`load@…`, `queries@…`, `qphh@…`), as the plan made them. */
export interface TargetPhases {
  load: string;
  queries: string;
  /** The target's power and throughput test; absent when the workload has none. */
  qphh?: string;
  /** The target's lifecycle step; absent when the workload has none. */
  lifecycle?: string;
}

export async function buildReportModel(ctx: PhaseContext, phasesOf: (target: TargetId) => TargetPhases, workload: string): Promise<ReportModel> {
  const state = ctx.state();
  const run = state.runs.find((r) => r.benchmarkId === ctx.benchmarkId);
  const bronze = resultOf(state.phases.bronze, bronzeResultSchema);
  const targets: ReportTarget[] = targetsOf(ctx.config).map((t) => ({ ...t, label: FORMATS[t.format].label, colour: FORMATS[t.format].colour }));
  const load: ReportModel["load"] = {};
  const gold: Partial<Record<TargetId, QueriesMetrics>> = {};
  const measuredIn: ReportModel["measuredIn"] = {};
  const problems: string[] = [];
  const qphh: NonNullable<ReportModel["qphh"]> = {};
  const lifecycle: NonNullable<ReportModel["lifecycle"]> = {};
  const concurrent: boolean[] = [];
  for (const { id } of targets) {
    const names = phasesOf(id);
    const loadPhase = state.phases[names.load];
    const loaded = loadPhase?.status === "completed" ? resultOf(loadPhase, loadResultSchema) : undefined;
    if (loaded) load[id] = loaded;
    else problems.push(`${names.load} is ${loadPhase?.status ?? "pending"}${loadPhase?.error ? `: ${loadPhase.error}` : ""}`);
    const queriesPhase = state.phases[names.queries];
    measuredIn[id] = { load: loadPhase?.benchmarkId, queries: queriesPhase?.benchmarkId };
    const queried = resultOf(queriesPhase, queriesResultSchema.partial());
    if (queried?.metricsFile) gold[id] = metricsFileSchema.parse(await readJson(queried.metricsFile));
    if (queriesPhase?.status !== "completed") problems.push(`${names.queries} is ${queriesPhase?.status ?? "pending"}${queriesPhase?.error ? `: ${queriesPhase.error}` : ""}`);
    concurrent.push(loaded?.concurrent === true, queried?.concurrent === true);
    if (names.qphh) {
      const qphhPhase = state.phases[names.qphh];
      const tested = await qphhSummaryOf(qphhPhase, names.qphh, problems);
      if (tested) qphh[id] = tested;
      if (qphhPhase?.benchmarkId) measuredIn[id]!.qphh = qphhPhase.benchmarkId;
    }
    if (names.lifecycle) {
      const lifecyclePhase = state.phases[names.lifecycle];
      const summary = await stepSummaryOf(lifecyclePhase, names.lifecycle, problems, lifecycleMetricsSchema, summarizeLifecycle, "lifecycle step");
      if (summary) lifecycle[id] = summary;
      if (lifecyclePhase?.benchmarkId) measuredIn[id]!.lifecycle = lifecyclePhase.benchmarkId;
    }
  }
  const queries = queryRows(ctx.config.queries, gold);
  for (const row of queries.filter((q) => !q.sameAcrossFormats)) problems.push(`${row.name}: targets disagree on the answer`);
  const anyGold = Object.values(gold)[0];
  const engineVersions = Object.fromEntries(Object.values(gold).map((m) => [m!.engine, m!.engineVersion]));
  const model: ReportModel = {
    schemaVersion: 2,
    benchmarkId: ctx.benchmarkId,
    createdAt: new Date().toISOString(),
    scaleFactor: ctx.config.scaleFactor,
    workload,
    targets,
    concurrentTimings: concurrent.includes(true),
    warmupRuns: ctx.config.warmupRuns,
    iterations: ctx.config.iterations,
    ...(anyGold ? { iterationMode: anyGold.iterationMode } : {}),
    oracle: anyGold?.oracle ?? "none",
    versions: { ...(run?.versions ?? {}), ...engineVersions },
    machine: run?.machine ?? {},
    config: run?.config ?? {},
    bronze: bronze ?? { generatorVersion: "unknown", seconds: 0, rows: 0, bytes: 0, tables: {} },
    load,
    measuredIn,
    queries,
    totals: Object.fromEntries(Object.entries(gold).map(([id, m]) => [id, m!.totals])),
    problems,
    ...engineSettings(gold),
    ...(Object.keys(qphh).length ? { qphh } : {}),
    ...(Object.keys(lifecycle).length ? { lifecycle } : {}),
  };
  return { ...model, verdict: computeVerdict(model) };
}

/**
 * A target's power and throughput test from its metrics file. A failed test (wrong answers)
 * still wrote its figures: they are shown, and the phase's error is a problem line.
 */
function qphhSummaryOf(phase: PhaseState | undefined, name: string, problems: string[]) {
  return stepSummaryOf(phase, name, problems, qphhMetricsSchema, summarizeQphh, "power and throughput test");
}

/** A changing step's summary from its metrics file (named in its result), or a problem line. */
async function stepSummaryOf<M, S>(phase: PhaseState | undefined, name: string, problems: string[], schema: z.ZodType<M, z.ZodTypeDef, unknown>, summarize: (metrics: M) => S, what: string): Promise<S | undefined> {
  if (phase?.status !== "completed") problems.push(`${name} is ${phase?.status ?? "pending"}${phase?.error ? `: ${phase.error}` : ""}`);
  const metricsFile = resultOf(phase, metricsFileResultSchema)?.metricsFile;
  if (!metricsFile) return undefined;
  const parsed = schema.safeParse(await readJson(metricsFile).catch(() => undefined));
  if (parsed.success) return summarize(parsed.data);
  problems.push(`${name}: its metrics file ${metricsFile} is missing or not a ${what}'s`);
  return undefined;
}

/** The common settings (the same in every target's job) and each target's own; none from older runs. */
function engineSettings(gold: Partial<Record<TargetId, QueriesMetrics>>): Pick<ReportModel, "settings"> {
  const withSettings = (Object.entries(gold) as [TargetId, QueriesMetrics][]).filter(([, m]) => m.settings);
  if (!withSettings.length) return {};
  return { settings: { common: withSettings[0][1].settings!.common, byTarget: Object.fromEntries(withSettings.map(([id, m]) => [id, m.settings!.format])) } };
}

function queryRows(numbers: number[], gold: Partial<Record<TargetId, QueriesMetrics>>): QueryRow[] {
  return numbers.map((n) => {
    const name = queryName(n);
    const byTarget: QueryRow["byTarget"] = {};
    for (const [id, metrics] of Object.entries(gold) as [TargetId, QueriesMetrics][]) {
      const query = metrics.queries[name];
      if (query) byTarget[id] = queryCell(query);
    }
    const hashes = new Set(Object.values(byTarget).flatMap((c) => (c?.hash ? [c.hash] : [])));
    const allMatchOracle = Object.values(byTarget).every((c) => c?.answer.status === "match");
    // Hashes round to 2 decimals; targets that all match the oracle within tolerance agree.
    const spread = rowSpread(byTarget);
    return { name, byTarget, sameAcrossFormats: hashes.size <= 1 || allMatchOracle, ...(spread ? { spread } : {}) };
  });
}
