/**
 * The lifecycle step on one target: on a per-run copy of orders and lineitem, rounds of change
 * (a TPC-H refresh pair and an upsert each) with the queries after every round, time travel to
 * round 0, the format's maintenance and the queries once more; every answer checked against the
 * DuckDB oracle that applies the same changes.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { ensureLifecycleOracle } from "../answers/lifecycleOracle";
import { refreshManifestSchema } from "../datagen/refreshManifest";
import type { EngineSession } from "../engines";
import { readJobOutput } from "../engines/jobOutput";
import { lifecycleOutputSchema, passAnswerFileSchema } from "../engines/lifecycleOutputs";
import type { JobEvent, PhaseContext } from "../phase/context";
import { PhaseFailedError } from "../phase/errors";
import type { DataLayout } from "../phase/layout";
import { removeOwned } from "../phase/ownedPaths";
import type { Target } from "../phase/targets";
import { readJson, writeJson } from "../runners/jsonFile";
import { FORMATS } from "../formats";
import { buildLifecycleMetrics } from "./lifecycleBuild";
import { resumeDecision, type ResumeDecision } from "./lifecycleCheckpoint";
import { lifecycleMetricsSchema } from "./lifecycleMetrics";
import type { LifecycleResult } from "./results";

/** One refresh set per round. */
export const lifecycleSetsNeeded = (rounds: number): number => rounds;

/**
 * A run's files for one target; removal checks each lies inside what the run owns. The working
 * copy stays: the next attempt goes on from its checkpoint, or removes it (runLifecyclePhase).
 */
export async function removeLifecycleOutputs(layout: DataLayout, benchmarkId: string, target: Target): Promise<void> {
  await Promise.all(Object.values(layout.lifecycleFiles(benchmarkId, target)).map((f) => removeOwned(f, layout.ownedRoots)));
}

async function removeWorkingCopy(layout: DataLayout, target: Target): Promise<void> {
  const copy = layout.lifecycleWorkRoot(target.format);
  await removeOwned(copy, layout.ownedRoots, { recursive: true });
  await fs.rmdir(path.dirname(copy)).catch(() => undefined); // ENOTEMPTY or ENOENT: leave it
}

/** Resume from the copy an interrupted attempt left, or start from a fresh one (saying why not). */
async function prepareWorkingCopy(ctx: PhaseContext, target: Target, workRoot: string): Promise<ResumeDecision> {
  const decision = await resumeDecision(workRoot, ctx.configHash, ctx.config.lifecycleRounds);
  if (decision.resume && !ctx.forced) {
    ctx.progress(`${ctx.phase}: resuming after round ${decision.afterRound} of an interrupted run: the job first rolls ${FORMATS[target.format].label}'s copy back to the end of that round`);
    return decision;
  }
  if (decision.resume || decision.why) ctx.progress(`${ctx.phase}: not resuming from the copy an earlier run left: ${decision.resume ? "--force" : decision.why}; starting afresh`);
  await removeWorkingCopy(ctx.layout, target);
  return { resume: false };
}

export async function runLifecyclePhase(ctx: PhaseContext, engine: EngineSession, target: Target): Promise<LifecycleResult> {
  const { layout, config } = ctx;
  await engine.beforePhase(ctx);
  const files = layout.lifecycleFiles(ctx.benchmarkId, target);
  await removeLifecycleOutputs(layout, ctx.benchmarkId, target);
  const refresh = refreshManifestSchema.parse(await readJson(layout.refreshManifest));
  const rounds = config.lifecycleRounds;
  const oracle = await ensureLifecycleOracle(ctx, { rounds, refreshCreatedAt: refresh.createdAt });
  const workRoot = layout.lifecycleWorkRoot(target.format);
  const decision = await prepareWorkingCopy(ctx, target, workRoot);
  await fs.mkdir(workRoot, { recursive: true });
  await engine.runLifecycle(ctx, {
    format: target.format,
    workRoot,
    refreshDir: layout.refreshDir,
    rounds,
    resumeKey: ctx.configHash,
    resume: decision.resume,
    output: files.raw,
    answers: files.answers,
    onEvent: (event) => {
      const line = progressLine(event);
      if (line) ctx.progress(`${ctx.phase}: ${line}`);
    },
  });
  const raw = await readJobOutput(ctx.phase, files.raw, lifecycleOutputSchema);
  const answers = await readJobOutput(ctx.phase, files.answers, passAnswerFileSchema);
  await removeWorkingCopy(layout, target);
  const metrics = lifecycleMetricsSchema.parse(buildLifecycleMetrics({ benchmarkId: ctx.benchmarkId, scaleFactor: config.scaleFactor }, target, raw, answers, oracle.oracle));
  await writeJson(files.metrics, metrics);
  const { totals, summary } = metrics;
  const result: LifecycleResult = {
    metricsFile: files.metrics,
    answersFile: files.answers,
    oracleFile: oracle.file,
    rounds,
    degradationRate: summary.degradation?.rate ?? null,
    recovery: summary.recovery,
    amplification: summary.amplificationAfterRounds,
    maintenanceSeconds: summary.maintenanceSeconds,
    timeTravel: metrics.timeTravel.supported ? (metrics.timeTravel.matchesRoundZero ? "matches round 0" : "differs") : "unsupported",
    ...(metrics.resumed ? { resumedAfterRound: metrics.resumed.afterRound } : {}),
    checked: totals.checked,
    passed: totals.passed,
    failed: totals.failed,
    mismatched: totals.mismatched,
    countMismatches: totals.countMismatches,
  };
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

const seconds = (value: unknown) => (typeof value === "number" ? `${value.toFixed(3)} s` : "");

/** The job's events as progress lines: each change, each query of each pass, maintenance. */
function progressLine(event: JobEvent): string | undefined {
  switch (event.event) {
    case "copy_done":
      return `working copy made in ${seconds(event.seconds)}`;
    case "change_done":
      return `round ${String(event.round)}: ${String(event.operation).toUpperCase()} ${seconds(event.seconds)}`;
    case "query_done":
      return `${String(event.pass)} ${String(event.query)} ${event.status === "completed" ? seconds(event.seconds) : String(event.status).toUpperCase()}`;
    case "maintenance_started":
      return "maintenance…"; // the tree shows the stage by this line (src/extension/tree/lifecycleProgress.ts)
    case "maintenance_done":
      return `maintenance ${seconds(event.seconds)}`;
    case "rollback_done":
      return `rolled back to the end of round ${String(event.round)} in ${seconds(event.seconds)} (${String(event.method)})`;
    case "round_done":
      return `round ${String(event.round)} done in ${seconds(event.seconds)}`;
    default:
      return undefined;
  }
}
