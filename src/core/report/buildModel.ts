/** Gathers the report model from the state and the files the phases wrote. */
import { queryName } from "../answers/oracle";
import type { Framework } from "../config/keys";
import type { PhaseContext } from "../pipeline/phaseContext";
import { computeVerdict } from "../metrics/verdict";
import { readJson } from "../runners/jsonFile";
import type { GoldMetrics } from "../spark/goldPhase";
import type { FrameworkLoad, QueryRow, ReportModel } from "./model";
import { queryCell, rowSpread } from "./queryCells";

export async function buildReportModel(ctx: PhaseContext): Promise<ReportModel> {
  const state = ctx.state();
  const run = state.runs.find((r) => r.benchmarkId === ctx.benchmarkId);
  const bronze = state.phases.bronze?.result as ReportModel["bronze"];
  const load: ReportModel["load"] = {};
  const gold: Partial<Record<Framework, GoldMetrics>> = {};
  const measuredIn: ReportModel["measuredIn"] = {};
  const problems: string[] = [];
  for (const framework of ctx.config.frameworks) {
    const silver = state.phases[`silver_${framework}`];
    if (silver?.status === "completed") load[framework] = silver.result as unknown as FrameworkLoad;
    else problems.push(`silver_${framework} is ${silver?.status ?? "pending"}${silver?.error ? `: ${silver.error}` : ""}`);
    const goldPhase = state.phases[`gold_${framework}`];
    measuredIn[framework] = { load: silver?.benchmarkId, queries: goldPhase?.benchmarkId };
    const metricsFile = goldPhase?.result?.metricsFile;
    if (typeof metricsFile === "string") gold[framework] = await readJson<GoldMetrics>(metricsFile);
    if (goldPhase?.status !== "completed") problems.push(`gold_${framework} is ${goldPhase?.status ?? "pending"}${goldPhase?.error ? `: ${goldPhase.error}` : ""}`);
  }
  const queries = queryRows(ctx.config.queries, gold);
  for (const row of queries.filter((q) => !q.sameAcrossFormats)) problems.push(`${row.name}: formats disagree on the answer`);
  const anyGold = Object.values(gold)[0] as (GoldMetrics & { iterationMode?: "fixed" | "auto" }) | undefined;
  const model: ReportModel = {
    schemaVersion: 1,
    benchmarkId: ctx.benchmarkId,
    createdAt: new Date().toISOString(),
    scaleFactor: ctx.config.scaleFactor,
    frameworks: ctx.config.frameworks,
    concurrentTimings: ctx.config.frameworks.some((f) => ["silver", "gold"].some((k) => state.phases[`${k}_${f}`]?.result?.concurrent === true)),
    warmupRuns: ctx.config.warmupRuns,
    iterations: ctx.config.iterations,
    ...(anyGold?.iterationMode ? { iterationMode: anyGold.iterationMode } : {}),
    oracle: anyGold?.oracle ?? "none",
    versions: { ...(run?.versions ?? {}), spark: anyGold?.sparkVersion ?? "unknown" },
    machine: run?.machine ?? {},
    config: run?.config ?? {},
    bronze,
    load,
    measuredIn,
    queries,
    totals: Object.fromEntries(Object.entries(gold).map(([f, m]) => [f, m.totals])),
    problems,
    ...engineSettings(gold),
  };
  return { ...model, verdict: computeVerdict(model) };
}

/** The common settings (the same in every format's job) and each format's own; none from older runs. */
function engineSettings(gold: Partial<Record<Framework, GoldMetrics>>): Pick<ReportModel, "settings"> {
  const withSettings = (Object.entries(gold) as [Framework, GoldMetrics][]).filter(([, m]) => m.settings);
  if (!withSettings.length) return {};
  return { settings: { common: withSettings[0][1].settings!.common, byFramework: Object.fromEntries(withSettings.map(([f, m]) => [f, m.settings!.format])) } };
}

function queryRows(numbers: number[], gold: Partial<Record<Framework, GoldMetrics>>): QueryRow[] {
  return numbers.map((n) => {
    const name = queryName(n);
    const byFramework: QueryRow["byFramework"] = {};
    for (const [framework, metrics] of Object.entries(gold) as [Framework, GoldMetrics][]) {
      const query = metrics.queries[name];
      if (query) byFramework[framework] = queryCell(query);
    }
    const hashes = new Set(Object.values(byFramework).flatMap((c) => (c?.hash ? [c.hash] : [])));
    const allMatchOracle = Object.values(byFramework).every((c) => c?.answer.status === "match");
    // Hashes round to 2 decimals; formats that all match the oracle within tolerance agree.
    const spread = rowSpread(byFramework);
    return { name, byFramework, sameAcrossFormats: hashes.size <= 1 || allMatchOracle, ...(spread ? { spread } : {}) };
  });
}
