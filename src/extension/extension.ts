/**
 * The composition root of the VS Code extension: it builds every object, connects them
 * and registers them with VS Code. The extension is a thin shell over src/core, like the
 * CLI: core runs the pipeline in this process (cancellable through an AbortSignal) and
 * the views follow the workspace's state file.
 */
import path from "node:path";
import * as vscode from "vscode";
import { CONFIG_DEFAULTS, loadConfig, mergeSources, resetState, resolvePath } from "../core";
import { REPORT_VIEW_TYPE } from "../shared/protocol";
import { StatusBarIndicator } from "./adapters/statusBarIndicator";
import { VsCodeUi } from "./adapters/vscodeUi";
import { watchWorkspaceFile } from "./adapters/workspaceWatcher";
import { lazyClusterControl } from "./cluster/lazyClusterControl";
import { benchmarkCommands } from "./commands/benchmarkCommands";
import { clusterCommands } from "./commands/clusterCommands";
import { COMMANDS, type CommandEntry } from "./commands/commandIds";
import { configCommands } from "./commands/configCommands";
import { phaseCommands } from "./commands/phaseCommands";
import { reportCommands } from "./commands/reportCommands";
import { stateCommands } from "./commands/stateCommands";
import { SETTINGS_SECTION, settingsToRawConfig } from "./config/settings";
import { workspaceReportSource } from "./report/reportSource";
import { BenchmarkSession } from "./run/benchmarkSession";
import { ModelTreeProvider } from "./tree/modelTreeProvider";
import type { PhaseNode } from "./tree/phaseTreeModel";
import type { RunNode } from "./tree/runsTreeModel";
import { CONTEXT_KEYS, ViewsController } from "./tree/viewsController";
import { ReportPanelManager } from "./webview/reportPanel";

export const VIEW_IDS = { phases: "lakehouseBench.phases", runs: "lakehouseBench.runs" } as const;

let session: BenchmarkSession | undefined;

export function activate(context: vscode.ExtensionContext): { activationMs: number } {
  const started = performance.now();
  const log = vscode.window.createOutputChannel("Lakehouse Bench", { log: true });
  const ui = new VsCodeUi();
  const indicator = new StatusBarIndicator();
  const setContext = (key: string, value: unknown) => void vscode.commands.executeCommand("setContext", key, value);

  // The first local folder is the benchmark workspace (.env, .lakebench/, data by default).
  const folder = () => vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === "file");
  const workspace = () => folder()?.uri.fsPath;
  const configInputs = () => ({
    settings: settingsToRawConfig((name) => vscode.workspace.getConfiguration(SETTINGS_SECTION, folder()?.uri).get(name)),
    env: process.env,
  });
  const loadWorkspaceConfig = (dir: string) => loadConfig({ workspace: dir, ...configInputs() });

  const phases = new ModelTreeProvider<PhaseNode>();
  const runs = new ModelTreeProvider<RunNode>((node) =>
    node.reportId ? { command: COMMANDS.runOpenReport, title: "Open Report", arguments: [node.reportId] } : undefined,
  );
  const phasesView = vscode.window.createTreeView(VIEW_IDS.phases, { treeDataProvider: phases });
  const runsView = vscode.window.createTreeView(VIEW_IDS.runs, { treeDataProvider: runs, canSelectMany: true });
  phases.setVisible(phasesView.visible);
  runs.setVisible(runsView.visible);

  const views = new ViewsController({
    workspace,
    isTrusted: () => vscode.workspace.isTrusted,
    loadConfig: loadWorkspaceConfig,
    phases,
    runs,
    setContext,
    onProblem: (message) => {
      log.warn(message);
      void ui.warn(message, "Reset State").then((choice) => choice && vscode.commands.executeCommand(COMMANDS.stateReset));
    },
  });

  session = new BenchmarkSession({
    ui,
    log,
    indicator,
    workspace,
    configInputs,
    onProgress: (event) => views.onProgress(event),
    onRunningChange: (running) => setContext(CONTEXT_KEYS.running, running),
  });

  const reportSource = workspaceReportSource(workspace);
  const reports = new ReportPanelManager(context.extensionUri, reportSource, (file) => ui.openFile(file));
  const extensionRoot = context.extensionUri.fsPath;

  const commands: CommandEntry[] = [
    ...benchmarkCommands({ session, ui, log }),
    ...phaseCommands({ session, ui, phaseByName: (name) => findPhase(phases.nodes, name) }),
    ...reportCommands({ ui, showReport: (selection) => reports.show(selection), reportRuns: () => reportSource.runs() }),
    ...clusterCommands({ cluster: lazyClusterControl(() => loadWorkspaceConfig(workspace() ?? extensionRoot)), ui, log }),
    ...stateCommands({ ui, session, workspace, resetState, onReset: () => void views.refresh() }),
    ...configCommands({
      ui,
      workspace,
      bundledExample: path.join(extensionRoot, ".env.example"),
      setupScript: path.join(extensionRoot, "scripts", "setup.sh"),
      extensionRoot,
      cacheDir: async (dir) => {
        const raw = await mergeSources({ workspace: dir, ...configInputs() }).catch(() => ({ LAKEBENCH_CACHE_DIR: CONFIG_DEFAULTS.LAKEBENCH_CACHE_DIR }));
        return resolvePath(raw.LAKEBENCH_CACHE_DIR ?? CONFIG_DEFAULTS.LAKEBENCH_CACHE_DIR, dir);
      },
      onConfigChanged: () => void views.configChanged(),
    }),
    { id: COMMANDS.viewsRefresh, run: () => views.configChanged() },
  ];

  const stateChanged = () => {
    void views.refresh();
    void reports.refresh();
  };
  const root = workspace();
  context.subscriptions.push(
    log,
    indicator,
    phases,
    runs,
    phasesView,
    runsView,
    reports,
    ...commands.map((command) => vscode.commands.registerCommand(command.id, command.run)),
    vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, reports),
    phasesView.onDidChangeVisibility((e) => phases.setVisible(e.visible)),
    runsView.onDidChangeVisibility((e) => runs.setVisible(e.visible)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SETTINGS_SECTION) && void views.configChanged()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void views.refresh()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void views.configChanged()),
    ...(root ? [watchWorkspaceFile(root, ".lakebench/state.json", stateChanged), watchWorkspaceFile(root, ".env", () => void views.configChanged())] : []),
  );
  setContext(CONTEXT_KEYS.running, false);
  void views.refresh();
  const activationMs = performance.now() - started;
  log.info(`Lakehouse Bench activated in ${activationMs.toFixed(1)} ms (workspace: ${root ?? "none"}, trusted: ${vscode.workspace.isTrusted})`);
  return { activationMs };
}

/** VS Code is closing the window: stop a run's child processes rather than orphan them. */
export function deactivate(): void {
  session?.cancel();
  session = undefined;
}

/** By item id (a group, or a node the tree passed) or by phase: Bronze's id says more when refresh data is under it. */
function findPhase(nodes: readonly PhaseNode[], name: string): PhaseNode | undefined {
  for (const node of nodes) {
    if (node.id === name || node.phaseName === name) return node;
    const child = node.children && findPhase(node.children, name);
    if (child) return child;
  }
  return undefined;
}
