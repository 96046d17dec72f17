/**
 * Entry of the report webview bundle (dist/webview.js): registers the vscode-elements in
 * use, says "ready" with the state VS Code restored, and renders what the host sends.
 */
import "@vscode-elements/elements/dist/vscode-button/index.js";
import "@vscode-elements/elements/dist/vscode-option/index.js";
import "@vscode-elements/elements/dist/vscode-single-select/index.js";
import "@vscode-elements/elements/dist/vscode-table/index.js";
import "@vscode-elements/elements/dist/vscode-table-body/index.js";
import "@vscode-elements/elements/dist/vscode-table-cell/index.js";
import "@vscode-elements/elements/dist/vscode-table-header/index.js";
import "@vscode-elements/elements/dist/vscode-table-header-cell/index.js";
import "@vscode-elements/elements/dist/vscode-table-row/index.js";
import type { HostMessage } from "../src/shared/protocol";
import { watchTheme } from "./theme/chartTheme";
import { ReportView } from "./view/reportView";
import { connectToHost } from "./vscodeApi";

const HOST_MESSAGES: ReadonlySet<HostMessage["type"]> = new Set(["runs", "report", "empty", "error"]);

const host = connectToHost();
const root = document.getElementById("app")!;
const view = new ReportView(root, {
  select: (selection) => {
    host.saveState({ selection });
    host.post({ type: "select", selection });
  },
  openFile: (benchmarkId, file) => host.post({ type: "openFile", benchmarkId, file }),
});

window.addEventListener("message", (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (!message || !HOST_MESSAGES.has(message.type)) return;
  if (message.type === "report") host.saveState({ selection: message.selection });
  view.handle(message);
});
watchTheme(() => view.themeChanged());
host.post({ type: "ready", state: host.state() });
