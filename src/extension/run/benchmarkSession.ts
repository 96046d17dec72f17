/**
 * Runs core's pipeline for the extension: one run at a time, under a cancellable progress
 * notification, with a status bar item, its progress and the phases' logs in the log
 * channel, and errors shown with the button that leads to the fix. No `vscode` here:
 * everything visible goes through the Ui, LogSink and RunIndicator ports.
 */
import { loadConfig, mergeSources, type PipelineOutcome, type PipelineRequest, type ProgressEvent, type ProgressListener, type RawConfig, readDotEnv, readState, runPipeline, stateFilePath } from "../../core";
import type { LogSink, RunIndicator, Ui } from "../ui/ui";
import { ACTIONS, adviseError, oneLine, type UserAction } from "./errorAdvice";
import { PhaseLogTail } from "./logTail";
import type { RunRequest } from "./runRequests";

export interface SessionDeps {
  ui: Ui;
  log: LogSink;
  indicator: RunIndicator;
  workspace: () => string | undefined;
  /** The VS Code settings and the environment, layered under the request's own flags. */
  configInputs: () => { settings: RawConfig; env: NodeJS.ProcessEnv };
  /** Core's runPipeline; tests pass a fake. */
  pipeline?: (request: PipelineRequest) => Promise<PipelineOutcome>;
  /** Every progress event, for the live tree. */
  onProgress?: ProgressListener;
  onRunningChange?: (running: boolean) => void;
}

interface ActiveRun {
  title: string;
  controller: AbortController;
  phases: Set<string>;
}

export class BenchmarkSession {
  private active: ActiveRun | undefined;

  constructor(private readonly deps: SessionDeps) {}

  get isRunning(): boolean {
    return this.active !== undefined;
  }

  /** Runs the request; resolves when it ended and its outcome was shown (undefined if it did not run). */
  async run(request: RunRequest): Promise<PipelineOutcome | undefined> {
    const { ui, log } = this.deps;
    const workspace = this.deps.workspace();
    if (!workspace) {
      await ui.error("Open a folder first: Lakehouse Bench keeps its .env and .lakebench/ state in the workspace folder.");
      return undefined;
    }
    if (!ui.isTrusted()) {
      await ui.warn("Lakehouse Bench runs nothing in Restricted Mode. Trust this workspace to run the benchmark.");
      return undefined;
    }
    if (this.active) {
      await this.refuseSecondRun(request);
      return undefined;
    }
    const active: ActiveRun = { title: request.title, controller: new AbortController(), phases: new Set() };
    this.active = active;
    this.deps.onRunningChange?.(true);
    const { settings, env } = this.deps.configInputs();
    const sources = { workspace, settings, env, flags: request.formats ? { FRAMEWORKS: request.formats.join(",") } : undefined };
    const tail = new PhaseLogTail((phase, line) => log.info(`[${phase}] ${line}`));
    let outcome: PipelineOutcome | undefined;
    let failure: unknown;
    try {
      const config = await loadConfig(sources);
      log.info(`${request.title}: SF ${config.scaleFactor}, formats ${config.formats.join(", ")}, Spark ${config.spark.master}, data in ${config.dataDir}`);
      this.showIndicator(active);
      const pipeline = this.deps.pipeline ?? runPipeline;
      outcome = await ui.withProgress(request.title, async (report, signal) => {
        signal.addEventListener("abort", () => this.cancel(), { once: true });
        return pipeline({
          workspace,
          config,
          rawConfig: await mergeSources(sources),
          command: request.command,
          targets: request.targets,
          force: request.force,
          signal: active.controller.signal,
          onProgress: (event) => this.onProgress(event, active, report, tail, workspace),
        });
      });
    } catch (error) {
      failure = error;
    } finally {
      await tail.stopAll();
      this.active = undefined;
      this.deps.indicator.hide();
      this.deps.onRunningChange?.(false);
    }
    if (outcome) await this.presentOutcome(request, outcome);
    else await this.presentError(failure, { settings, env, dotenv: await readDotEnv(workspace).catch(() => ({})) });
    return outcome;
  }

  /** Stops the run: core kills the child process groups and marks the phase cancelled. */
  cancel(): boolean {
    if (!this.active || this.active.controller.signal.aborted) return false;
    this.deps.log.warn(`Cancelling ${this.active.title}: stopping the running phase…`);
    this.active.controller.abort();
    return true;
  }

  private async refuseSecondRun(request: RunRequest): Promise<void> {
    const running = this.active!.title;
    const choice = await this.deps.ui.warn(
      `"${running}" is still running, so "${request.title}" was not started. Wait for it to finish or cancel it.`,
      "Show Log",
      "Cancel Run",
    );
    if (choice === "Show Log") this.deps.log.show();
    if (choice === "Cancel Run") this.cancel();
  }

  private onProgress(event: ProgressEvent, active: ActiveRun, report: (message: string) => void, tail: PhaseLogTail, workspace: string): void {
    const { log } = this.deps;
    this.deps.onProgress?.(event);
    switch (event.type) {
      case "phase-start":
        active.phases.add(event.phase);
        log.info(`▶ ${event.phase}`);
        report(`${event.phase}…`);
        void readState(stateFilePath(workspace)).then(
          (state) => state.phases[event.phase]?.logFile && tail.start(event.phase, state.phases[event.phase].logFile!),
          () => undefined,
        );
        break;
      case "message":
        log.info(event.message);
        report(event.message);
        break;
      case "phase-end": {
        active.phases.delete(event.phase);
        const took = event.seconds !== undefined ? ` in ${event.seconds.toFixed(1)} s` : "";
        const line = `${event.phase}: ${event.outcome}${took}${event.error && event.outcome !== "executed" ? ` — ${oneLine(event.error)}` : ""}`;
        if (event.outcome === "failed") log.error(line);
        else log.info(line);
        void tail.stop(event.phase);
        break;
      }
    }
    if (this.active === active) this.showIndicator(active);
  }

  private showIndicator(active: ActiveRun): void {
    const phases = [...active.phases];
    this.deps.indicator.show(
      `$(loading~spin) Lakehouse: ${phases.length ? phases.join(", ") : active.title}`,
      `${active.title} is running. Click to show the log; cancel it from the progress notification or with "Lakehouse: Cancel Run".`,
    );
  }

  private async presentOutcome(request: RunRequest, outcome: PipelineOutcome): Promise<void> {
    const { ui, log } = this.deps;
    const report = outcome.reportDir ? [ACTIONS.openReport(outcome.benchmarkId)] : [];
    log.info(`Run ${outcome.benchmarkId}: ${outcome.status}${outcome.reportDir ? `; report in ${outcome.reportDir}` : ""}`);
    if (outcome.status === "completed") {
      return this.offer(ui.info(`${request.title} completed (run ${outcome.benchmarkId}).`, ...titles(report)), report);
    }
    if (outcome.status === "cancelled") {
      return this.offer(ui.warn(`${request.title} was cancelled: the running phase was stopped and marked cancelled.`, "Open Log"), [ACTIONS.openLog]);
    }
    const first = outcome.failures[0] ?? "a phase failed";
    const actions = [ACTIONS.openPhaseLog(first.split(":")[0]), ...report];
    const more = outcome.failures.length > 1 ? ` (and ${outcome.failures.length - 1} more)` : "";
    return this.offer(ui.error(`${request.title} failed: ${truncate(oneLine(first), 400)}${more}`, ...titles(actions)), actions);
  }

  private async presentError(error: unknown, layers: Parameters<typeof adviseError>[1]): Promise<void> {
    const advice = adviseError(error, layers);
    this.deps.log.error(advice.message);
    await this.offer(this.deps.ui.error(advice.message, ...titles(advice.actions)), advice.actions);
  }

  private async offer(choice: Promise<string | undefined>, actions: UserAction[]): Promise<void> {
    const title = await choice;
    const chosen = actions.find((action) => action.title === title);
    if (chosen) await this.deps.ui.executeCommand(chosen.command, ...(chosen.args ?? []));
  }
}

const titles = (actions: UserAction[]) => actions.map((action) => action.title);
const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
