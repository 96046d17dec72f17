/**
 * Keeps the Phases and Runs views in step with the workspace: it re-reads the state file
 * when it changes (the watcher calls refresh) and folds in this window's progress lines.
 * Refreshes are coalesced, so a burst of writes costs one read. No `vscode` here.
 */
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import {
  type BenchConfig,
  DataLayout,
  emptyState,
  FORMAT_IDS,
  isAlive,
  loadWorkload,
  parseState,
  type PhaseState,
  type PlannedTarget,
  type ProgressEvent,
  queriesResultSchema,
  reportResultSchema,
  resultOf,
  type StateFile,
  stateFilePath,
  targetPhases,
} from "../../core";
import { summaryFileOf } from "../report/reportRuns";
import { buildPhaseTree, REFRESH_DATA_PHASE, type PhaseNode } from "./phaseTreeModel";
import { buildRunTree, type RunNode } from "./runsTreeModel";

export interface NodeSink<N> {
  update(nodes: N[]): void;
}

export interface ViewsDeps {
  workspace(): string | undefined;
  isTrusted(): boolean;
  loadConfig(workspace: string): Promise<BenchConfig>;
  phases: NodeSink<PhaseNode>;
  runs: NodeSink<RunNode>;
  setContext(key: string, value: unknown): void;
  /** Told once per distinct problem (a corrupt state file). */
  onProblem?(message: string): void;
  exists?(file: string): boolean;
  isAlive?(pid: number): boolean;
}

export const CONTEXT_KEYS = {
  configured: "lakehouseBench.configured",
  hasRuns: "lakehouseBench.hasRuns",
  running: "lakehouseBench.running",
} as const;

export class ViewsController {
  private state: StateFile = emptyState();
  /** undefined: not loaded yet; null: invalid (the tree falls back to what the state file shows). */
  private config: BenchConfig | null | undefined;
  private progress: Record<string, string> = {};
  private lastProblem: string | undefined;
  private pending: Promise<void> | undefined;
  private again = false;

  constructor(private readonly deps: ViewsDeps) {}

  /** Re-reads the state file (and the config when it changed); concurrent calls share one read. */
  refresh(): Promise<void> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = (async () => {
      do {
        this.again = false;
        await this.readAndPush();
      } while (this.again);
    })().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** .env or the settings changed. */
  configChanged(): Promise<void> {
    this.config = undefined;
    return this.refresh();
  }

  /** Live progress of this window's run: the running phase's description follows it. */
  onProgress(event: ProgressEvent): void {
    if (event.type === "message") this.progress[event.phase] = event.message;
    else delete this.progress[event.phase];
    this.pushPhases();
  }

  private async readAndPush(): Promise<void> {
    const workspace = this.deps.workspace();
    const exists = this.deps.exists ?? existsSync;
    if (!workspace) {
      this.deps.setContext(CONTEXT_KEYS.configured, false);
      this.push(undefined);
      return;
    }
    const stateFile = stateFilePath(workspace);
    this.state = await this.readState(stateFile);
    if (this.config === undefined) this.config = await this.deps.loadConfig(workspace).catch(() => null);
    this.deps.setContext(CONTEXT_KEYS.configured, exists(path.join(workspace, ".env")) || exists(stateFile));
    this.deps.setContext(CONTEXT_KEYS.hasRuns, this.state.runs.length > 0);
    this.push(workspace);
  }

  private push(workspace: string | undefined): void {
    if (!workspace || !this.deps.isTrusted()) {
      // Empty views show their welcome content: open a folder, or why nothing runs untrusted.
      this.deps.phases.update([]);
      this.deps.runs.update([]);
      return;
    }
    this.pushPhases();
    const exists = this.deps.exists ?? existsSync;
    this.deps.runs.update(buildRunTree(this.state.runs, (run) => Boolean(summaryFileOf(run) && exists(summaryFileOf(run)!))));
  }

  private pushPhases(): void {
    const workspace = this.deps.workspace();
    if (!workspace || !this.deps.isTrusted()) return;
    const exists = this.deps.exists ?? existsSync;
    const configured = exists(path.join(workspace, ".env")) || exists(stateFilePath(workspace));
    if (!configured) return this.deps.phases.update([]); // the welcome: create .env, open the walkthrough
    const layout = this.config ? new DataLayout(this.config, workspace) : undefined;
    const targets = this.targets();
    this.deps.phases.update(
      buildPhaseTree({
        targets,
        state: this.state,
        progress: this.progress,
        isAlive: this.deps.isAlive ?? isAlive,
        refreshData: this.readsRefreshSets(),
        lifecycleRounds: this.config?.lifecycleRounds,
        metricsFileOf: (phase, state) => {
          const file = metricsFileOf(phase, state, layout, targets);
          return file && exists(file) ? file : undefined;
        },
      }),
    );
  }

  /** The configured targets; with an invalid configuration, those the state file has phases of. */
  private targets(): PlannedTarget[] {
    if (this.config) return targetPhases(this.config);
    const every = targetPhases({ formats: FORMAT_IDS });
    const known = every.filter((t) => t.phases.some((p) => this.state.phases[p.name]));
    return known.length ? known : every;
  }

  /** Whether the workload has a step reading the refresh sets; with an invalid configuration, whether the state has the phase. */
  private readsRefreshSets(): boolean {
    if (!this.config) return this.state.phases[REFRESH_DATA_PHASE] !== undefined;
    try {
      return loadWorkload(this.config.workload).steps.some((s) => s.reads.includes("refresh-sets"));
    } catch {
      return this.state.phases[REFRESH_DATA_PHASE] !== undefined;
    }
  }

  /** Read-only: core's readState backs up a corrupt file on every read, which a watcher would repeat. */
  private async readState(file: string): Promise<StateFile> {
    let text: string;
    try {
      text = await fs.readFile(file, "utf8");
    } catch {
      return emptyState();
    }
    const parsed = parseState(text);
    if ("state" in parsed) return parsed.state;
    // Written atomically, so a half-written file is not expected; keep what we showed.
    this.problem(`The state file ${file} is not valid (${parsed.reason}). Reset State starts a new one (the old one is kept as a backup).`);
    return this.state;
  }

  private problem(message: string): void {
    if (message === this.lastProblem) return;
    this.lastProblem = message;
    this.deps.onProblem?.(message);
  }
}

/**
 * The file with a phase's figures: bronze and refresh-set manifests, the load result of the
 * target's format, the query or power and throughput metrics and the report summary that the
 * results name.
 */
export function metricsFileOf(phase: string, state: PhaseState, layout: DataLayout | undefined, targets: PlannedTarget[]): string | undefined {
  if (phase === "bronze") return layout?.bronzeManifest;
  if (phase === REFRESH_DATA_PHASE) return layout?.refreshManifest;
  if (phase === "report") return resultOf(state, reportResultSchema.pick({ summary: true }))?.summary;
  const planned = targets.flatMap(({ target, phases }) => phases.map((p) => ({ target, ...p }))).find((p) => p.name === phase);
  if (planned?.kind === "silver") return layout?.silverLoadResult(planned.target.format);
  if (planned?.kind === "gold") return resultOf(state, queriesResultSchema.pick({ metricsFile: true }))?.metricsFile;
  return undefined;
}
