/**
 * Keeps the Phases and Runs views in step with the workspace: it re-reads the state file
 * when it changes (the watcher calls refresh) and folds in this window's progress lines.
 * Refreshes are coalesced, so a burst of writes costs one read. No `vscode` here.
 */
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import type { BenchConfig } from "../../core/config/benchConfig";
import { FRAMEWORKS, type Framework } from "../../core/config/keys";
import { DataLayout } from "../../core/pipeline/layout";
import type { ProgressEvent } from "../../core/pipeline/progress";
import { isAlive } from "../../core/runners/processes";
import { emptyState, type PhaseState, type StateFile } from "../../core/state/schema";
import { parseState } from "../../core/state/store";
import { stateFilePath } from "../../core/state/store";
import { summaryFileOf } from "../report/reportRuns";
import { buildPhaseTree, type PhaseNode } from "./phaseTreeModel";
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
    this.deps.phases.update(
      buildPhaseTree({
        frameworks: this.frameworks(),
        state: this.state,
        progress: this.progress,
        isAlive: this.deps.isAlive ?? isAlive,
        metricsFileOf: (phase, state) => {
          const file = metricsFileOf(phase, state, layout);
          return file && exists(file) ? file : undefined;
        },
      }),
    );
  }

  /** The configured formats; with an invalid configuration, those the state file knows. */
  private frameworks(): Framework[] {
    if (this.config) return this.config.frameworks;
    const known = FRAMEWORKS.filter((f) => this.state.phases[`silver_${f}`] || this.state.phases[`gold_${f}`]);
    return known.length ? known : [...FRAMEWORKS];
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

/** The file with a phase's figures: bronze manifest, silver load result, gold metrics, report summary. */
export function metricsFileOf(phase: string, state: PhaseState, layout: DataLayout | undefined): string | undefined {
  const fromResult = (key: string) => (typeof state.result?.[key] === "string" ? (state.result[key] as string) : undefined);
  if (phase === "bronze") return layout?.bronzeManifest;
  if (phase.startsWith("silver_")) return layout?.silverLoadResult(phase.slice("silver_".length) as Framework);
  if (phase.startsWith("gold_")) return fromResult("metricsFile");
  if (phase === "report") return fromResult("summary");
  return undefined;
}
