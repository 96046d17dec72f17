/** Walks the planned phases in order: skips what is up to date, runs the rest, records everything. */
import pLimit from "p-limit";
import type { BenchConfig } from "../config/benchConfig";
import type { RawConfig } from "../config/keys";
import { redactSecrets } from "../config/load";
import type { ContainerEngine } from "../docker/containerEngine";
import { DockerodeEngine } from "../docker/dockerodeEngine";
import { Toolchain } from "../environment/toolchain";
import { collectVersions, machineFacts } from "../environment/versions";
import { ENGINES } from "../engines";
import { PhaseFailedError } from "../phase/errors";
import { hashOf } from "../phase/hashing";
import { reportResultSchema, resultOf } from "../phases/results";
import { DataLayout } from "../phase/layout";
import { targetsOf } from "../phase/targets";
import type { PhaseDefinition, PhaseKind } from "../phases/definition";
import { CancelledError } from "../runners/errors";
import { readProcessIdentity } from "../runners/processes";
import { newBenchmarkId } from "../state/benchmarkId";
import type { PhaseOutcome, PhaseState, RunRecord } from "../state/schema";
import { StateStore } from "../state/store";
import { loadWorkload } from "../workloads";
import { planPhases, type EngineSessions } from "./plan";
import type { ProgressListener } from "./progress";
import { recoverStalePhases } from "./recovery";
import { summarizeRun } from "./runSummary";
import { matchesVersion1Hash } from "./version1Hashes";

export interface PipelineRequest {
  workspace: string;
  config: BenchConfig;
  /** The merged raw settings, stored with the run. */
  rawConfig: RawConfig;
  command: string;
  /** Phase kinds asked for; their prerequisites run too when not up to date. */
  targets: PhaseKind[];
  force: boolean;
  signal: AbortSignal;
  onProgress: ProgressListener;
  /** The Docker engine for SPARK_MASTER=compose (tests pass a fake). */
  containers?: () => ContainerEngine;
}

export interface PipelineOutcome {
  benchmarkId: string;
  status: RunRecord["status"];
  phases: Record<string, PhaseOutcome>;
  failures: string[];
  reportDir?: string;
}

export async function runPipeline(request: PipelineRequest): Promise<PipelineOutcome> {
  const { config, workspace } = request;
  const toolchain = new Toolchain(config.cacheDir);
  const engineIds = [...new Set(targetsOf(config).map((t) => t.engine))];
  for (const id of engineIds) ENGINES[id].assertInstalled(toolchain, config.formats);
  const workload = loadWorkload(config.workload);
  const layout = new DataLayout(config, workspace);

  const store = await StateStore.open(workspace, { command: request.command });
  if (store.migrated) {
    const { from, backup } = store.migrated;
    request.onProgress({ type: "message", phase: "state", message: `state.json upgraded from version ${from} (phases keyed by target now); the original is kept at ${backup}` });
  }
  const sessions: EngineSessions = {};
  try {
    for (const id of engineIds) sessions[id] = await ENGINES[id].open(config, toolchain);
    const allPhases = planPhases(config, workload, sessions);
    const selected = selectPhases(allPhases, request.targets);
    const leftovers = engineIds.map((id) => ENGINES[id]);
    for (const { name, message } of await recoverStalePhases(store, layout, allPhases, leftovers)) {
      request.onProgress({ type: "message", phase: name, message });
    }
    const benchmarkId = newBenchmarkId();
    await store.addRun({
      benchmarkId,
      command: request.command,
      startedAt: new Date().toISOString(),
      status: "running",
      config: redactSecrets(request.rawConfig),
      versions: Object.assign(await collectVersions(toolchain), ...(await Promise.all(engineIds.map((id) => ENGINES[id].versions())))),
      machine: machineFacts(),
      phases: {},
    });

    const outcomes: Record<string, PhaseOutcome> = {};
    const failures: string[] = [];
    for (const wave of waves(selected)) {
      // Targets may load or query side by side (FRAMEWORK_PARALLELISM); bronze and report are single.
      const width = wave[0].target ? config.formatParallelism : 1;
      const limit = pLimit(width);
      await Promise.all(
        wave.map((phase) =>
          limit(async () => {
            if (request.signal.aborted) {
              outcomes[phase.name] = "cancelled";
              return;
            }
            const forced = request.force && request.targets.includes(phase.kind);
            outcomes[phase.name] = await runOnePhase(phase, { request, store, layout, toolchain, benchmarkId, forced, failures });
            await store.updateRun(benchmarkId, (run) => (run.phases = { ...outcomes }));
          }),
        ),
      );
      if (wave[0].target) await recordConcurrency(store, wave.filter((p) => outcomes[p.name] === "executed"), width);
    }

    const status: RunRecord["status"] = Object.values(outcomes).includes("cancelled") ? "cancelled" : failures.length ? "failed" : "completed";
    const report = store.phase("report");
    const reportDir = report.status === "completed" ? resultOf(report, reportResultSchema)?.dir : undefined;
    await store.updateRun(benchmarkId, (run) => {
      run.status = status;
      run.finishedAt = new Date().toISOString();
      run.summary = summarizeRun(store.snapshot, allPhases, config, failures);
      run.reportDir = reportDir;
    });
    return { benchmarkId, status, phases: outcomes, failures, reportDir };
  } finally {
    for (const session of Object.values(sessions)) await session.close();
    await store.close();
  }
}

/** Phases that ran side by side were timed on shared resources: the report says so. */
async function recordConcurrency(store: StateStore, executed: PhaseDefinition[], width: number): Promise<void> {
  const concurrent = width > 1 && executed.length > 1;
  for (const phase of executed) {
    const state = store.phase(phase.name);
    if (state.result) await store.setPhase(phase.name, { ...state, result: { ...state.result, concurrent } });
  }
}

/** Consecutive phases of the same kind and step: each wave may run side by side. */
function waves(phases: PhaseDefinition[]): PhaseDefinition[][] {
  const groups: PhaseDefinition[][] = [];
  for (const phase of phases) {
    const last = groups.at(-1)?.[0];
    if (last && last.kind === phase.kind && last.step === phase.step) groups.at(-1)!.push(phase);
    else groups.push([phase]);
  }
  return groups;
}

/** The phases of the requested kinds plus everything they depend on, in plan order. */
export function selectPhases(phases: PhaseDefinition[], targets: PhaseKind[]): PhaseDefinition[] {
  const wanted = new Set(phases.filter((p) => targets.includes(p.kind)).map((p) => p.name));
  for (const phase of [...phases].reverse()) {
    if (wanted.has(phase.name)) phase.dependsOn.forEach((d) => wanted.add(d));
  }
  return phases.filter((p) => wanted.has(p.name));
}

interface PhaseRun {
  request: PipelineRequest;
  store: StateStore;
  layout: DataLayout;
  toolchain: Toolchain;
  benchmarkId: string;
  forced: boolean;
  failures: string[];
}

async function runOnePhase(phase: PhaseDefinition, run: PhaseRun): Promise<PhaseOutcome> {
  const { request, store, layout } = run;
  const emit = request.onProgress;
  const dependencies = phase.dependsOn.map((d) => store.phase(d));
  const usable = dependencies.filter((d) => d.status === "completed" || (phase.kind === "report" && d.result?.metricsFile));
  if (phase.needsAllDependencies ? usable.length < dependencies.length : usable.length === 0) {
    emit({ type: "phase-end", phase: phase.name, outcome: "blocked", error: `waiting for ${phase.dependsOn.join(", ")}` });
    return "blocked";
  }
  const configHash = hashOf({
    settings: phase.settings(request.config),
    inputs: phase.dependsOn.map((d) => [d, store.phase(d).status, store.phase(d).finishedAt, store.phase(d).configHash]),
  });
  const previous = store.phase(phase.name);
  const sameSettings =
    previous.configHash === configHash ||
    matchesVersion1Hash(previous, phase.target?.format, request.config, phase.dependsOn.map((d) => [d, store.phase(d)]));
  if (!run.forced && previous.status === "completed" && sameSettings && phase.outputPresent(layout, previous)) {
    emit({ type: "phase-end", phase: phase.name, outcome: "skipped" });
    return "skipped";
  }

  const started: PhaseState = {
    status: "running",
    startedAt: new Date().toISOString(),
    configHash,
    pid: process.pid,
    benchmarkId: run.benchmarkId,
    logFile: layout.logFile(run.benchmarkId, phase.name),
  };
  await store.setPhase(phase.name, started);
  emit({ type: "phase-start", phase: phase.name });
  const clock = performance.now();
  const finish = async (status: PhaseState["status"], extra: Partial<PhaseState>) => {
    await store.setPhase(phase.name, { ...started, status, finishedAt: new Date().toISOString(), pid: undefined, childPid: undefined, ...extra });
    return (performance.now() - clock) / 1000;
  };
  try {
    const result = await phase.run({
      config: request.config,
      layout,
      toolchain: run.toolchain,
      containers: request.containers ?? (() => new DockerodeEngine()),
      benchmarkId: run.benchmarkId,
      phase: phase.name,
      configHash,
      forced: run.forced,
      logFile: started.logFile!,
      signal: request.signal,
      progress: (message) => emit({ type: "message", phase: phase.name, message }),
      state: () => store.snapshot,
      // Read at once, while the pid surely is our child: recovery signals it only if this still matches.
      // Nobody awaits it (runCommand's onStart): a failed write, e.g. after a lost lock, is said, not thrown.
      onChild: (pid) =>
        store.setPhase(phase.name, { ...started, childPid: pid, childIdentity: readProcessIdentity(pid) }).catch((error: unknown) => {
          emit({ type: "message", phase: phase.name, message: `could not record the child process in the state: ${(error as Error).message}` });
        }),
    });
    const seconds = await finish("completed", { result });
    emit({ type: "phase-end", phase: phase.name, outcome: "executed", seconds });
    return "executed";
  } catch (error) {
    const cancelled = error instanceof CancelledError || request.signal.aborted;
    const message = error instanceof Error ? error.message : String(error);
    if (cancelled) await phase.removePartialOutput(layout, started);
    const result = error instanceof PhaseFailedError ? error.result : undefined;
    const seconds = await finish(cancelled ? "cancelled" : "failed", { error: cancelled ? "Cancelled by the user" : message, result });
    if (!cancelled) run.failures.push(`${phase.name}: ${message}`);
    emit({ type: "phase-end", phase: phase.name, outcome: cancelled ? "cancelled" : "failed", seconds, error: message });
    return cancelled ? "cancelled" : "failed";
  }
}
