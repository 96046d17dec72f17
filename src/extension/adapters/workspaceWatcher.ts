/**
 * Tells when the workspace's state file or .env changes, through VS Code's file watcher
 * (inotify underneath, no polling). Atomic writes arrive as bursts of events: they are
 * debounced into one call.
 */
import * as vscode from "vscode";

const DEBOUNCE_MS = 150;

export function watchWorkspaceFile(folder: string, glob: string, onChange: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), glob));
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, DEBOUNCE_MS);
  };
  const subscriptions = [watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed)];
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    subscriptions.forEach((s) => s.dispose());
  });
}
