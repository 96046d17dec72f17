/**
 * The host side of the report panel's conversation, without `vscode`: answers the webview's
 * "ready" with the run list and the selected report, follows its run picker, and pushes a
 * fresh run list when the state file changes. It posts nothing before "ready": a webview
 * that is still loading would drop it.
 */
import type { ReportModel } from "../../core";
import {
  parseWebviewMessage,
  type HostMessage,
  type ReportFile,
  type RunChoice,
  type RunSelection,
} from "../../shared/protocol";

export interface ReportSource {
  /** Runs with a report, newest first. */
  runs(): Promise<RunChoice[]>;
  load(benchmarkId: string): Promise<ReportModel>;
  fileOf(benchmarkId: string, file: ReportFile): Promise<string | undefined>;
}

export interface ReportPanelPorts {
  post(message: HostMessage): void;
  openFile(file: string): Promise<void>;
  /** The selection changed (for the panel title). */
  onSelection?(selection: RunSelection): void;
}

export class ReportPanelController {
  private ready = false;

  constructor(private readonly source: ReportSource, private readonly ports: ReportPanelPorts, private selection: RunSelection = {}) {}

  get current(): RunSelection {
    return { ...this.selection };
  }

  async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) return; // not ours, or malformed: ignored
    switch (message.type) {
      case "ready":
        this.ready = true;
        // A restored panel remembers its runs; a new one shows what the host asked for.
        if (message.state?.selection.primary && !this.selection.primary) this.selection = message.state.selection;
        return this.sendAll();
      case "select":
        this.selection = message.selection;
        return this.sendReport(await this.source.runs());
      case "openFile": {
        const file = await this.source.fileOf(message.benchmarkId, message.file);
        if (file) await this.ports.openFile(file);
        return;
      }
    }
  }

  /** Shows these runs (the Open Report and Compare commands). */
  async select(selection: RunSelection): Promise<void> {
    this.selection = selection;
    if (this.ready) await this.sendAll();
  }

  /** The state file changed: a run may have been added. */
  async refresh(): Promise<void> {
    if (this.ready) await this.sendAll();
  }

  /** After a reload the webview says "ready" again. */
  reset(): void {
    this.ready = false;
  }

  private async sendAll(): Promise<void> {
    const runs = await this.source.runs().catch(() => []);
    if (!runs.length) {
      this.ports.post({ type: "empty", reason: "No run has a report yet. Run the benchmark (Lakehouse: Run Lakehouse Benchmark) and it will show here." });
      return;
    }
    const known = new Set(runs.map((r) => r.benchmarkId));
    const primary = this.selection.primary && known.has(this.selection.primary) ? this.selection.primary : runs[0].benchmarkId;
    const compare = this.selection.compare && known.has(this.selection.compare) && this.selection.compare !== primary ? this.selection.compare : undefined;
    this.selection = { primary, compare };
    this.ports.post({ type: "runs", runs, selection: this.current });
    await this.sendReport(runs);
  }

  private async sendReport(runs: RunChoice[]): Promise<void> {
    const { primary, compare } = this.selection;
    const id = primary ?? runs[0]?.benchmarkId;
    if (!id) return;
    try {
      const [primaryModel, compareModel] = await Promise.all([this.source.load(id), compare ? this.source.load(compare) : undefined]);
      this.ports.onSelection?.(this.current);
      this.ports.post({ type: "report", selection: { primary: id, compare }, primary: primaryModel, compare: compareModel });
    } catch (error) {
      this.ports.post({ type: "error", message: `Could not read the report: ${(error as Error).message}` });
    }
  }
}
