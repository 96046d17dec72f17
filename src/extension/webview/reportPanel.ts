/**
 * The report panel in VS Code: one webview panel, created on demand or restored by the
 * serializer after a restart (the webview's own state says which runs it showed). The
 * panel is not kept alive while hidden: it reloads and asks again with "ready".
 */
import * as vscode from "vscode";
import { parsePanelState, REPORT_VIEW_TYPE, type HostMessage, type RunSelection } from "../../shared/protocol";
import { createNonce } from "./nonce";
import { reportHtml } from "./reportHtml";
import { ReportPanelController, type ReportSource } from "./reportPanelController";

export class ReportPanelManager implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private current: { panel: vscode.WebviewPanel; controller: ReportPanelController } | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: ReportSource,
    private readonly openFile: (file: string) => Promise<void>,
  ) {}

  /** Opens (or reveals) the panel on these runs; none: the newest report. */
  async show(selection: RunSelection = {}): Promise<void> {
    if (this.current) {
      this.current.panel.reveal(undefined, false);
      await this.current.controller.select(selection);
      return;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, "Lakehouse Bench Report", vscode.ViewColumn.Active, this.webviewOptions());
    this.attach(panel, selection);
  }

  /** Called by VS Code after a restart for a panel that was open. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    panel.webview.options = this.webviewOptions();
    this.attach(panel, parsePanelState(state)?.selection ?? {});
  }

  async refresh(): Promise<void> {
    await this.current?.controller.refresh();
  }

  dispose(): void {
    this.current?.panel.dispose();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, "dist"), vscode.Uri.joinPath(this.extensionUri, "media")],
    };
  }

  private attach(panel: vscode.WebviewPanel, selection: RunSelection): void {
    const webview = panel.webview;
    const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...segments)).toString();
    const controller = new ReportPanelController(
      this.source,
      {
        post: (message: HostMessage) => void webview.postMessage(message),
        openFile: this.openFile,
        onSelection: (s) => (panel.title = s.compare ? `Report: ${short(s.primary)} vs ${short(s.compare)}` : `Report: ${short(s.primary)}`),
      },
      selection,
    );
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, "media", "lakehouse.svg");
    const subscriptions = [
      webview.onDidReceiveMessage((message) => controller.receive(message)),
      // Hidden panels are discarded (no retainContextWhenHidden); shown again, the page reloads and says "ready".
      panel.onDidChangeViewState(() => panel.visible || controller.reset()),
    ];
    panel.onDidDispose(() => {
      subscriptions.forEach((s) => s.dispose());
      if (this.current?.panel === panel) this.current = undefined;
    });
    webview.html = reportHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      script: asset("dist", "webview.js"),
      stylesheet: asset("media", "report.css"),
      codicons: asset("dist", "codicons", "codicon.css"),
    });
    this.current = { panel, controller };
  }
}

/** lb-20261125-083015-1a2b -> 11-25 08:30 */
function short(id: string | undefined): string {
  const match = /^lb-\d{4}(\d{2})(\d{2})-(\d{2})(\d{2})/.exec(id ?? "");
  return match ? `${match[1]}-${match[2]} ${match[3]}:${match[4]}` : (id ?? "");
}
