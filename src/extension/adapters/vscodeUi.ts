/** The Ui port over the VS Code API. */
import * as vscode from "vscode";
import type { PickItem, Ui } from "../ui/ui";

export class VsCodeUi implements Ui {
  info(message: string, ...actions: string[]) {
    return Promise.resolve(vscode.window.showInformationMessage(message, ...actions));
  }

  warn(message: string, ...actions: string[]) {
    return Promise.resolve(vscode.window.showWarningMessage(message, ...actions));
  }

  error(message: string, ...actions: string[]) {
    return Promise.resolve(vscode.window.showErrorMessage(message, ...actions));
  }

  confirm(message: string, detail: string, ...actions: string[]) {
    return Promise.resolve(vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions));
  }

  async pick<T>(items: PickItem<T>[], placeholder: string): Promise<T | undefined> {
    const picked = await vscode.window.showQuickPick(items, { placeHolder: placeholder, matchOnDescription: true, matchOnDetail: true });
    return picked?.value;
  }

  withProgress<T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return task((message) => progress.report({ message }), controller.signal);
      }),
    );
  }

  async openFile(file: string): Promise<void> {
    await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true });
  }

  async openExternal(url: string): Promise<void> {
    await vscode.env.openExternal(vscode.Uri.parse(url));
  }

  executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    return Promise.resolve(vscode.commands.executeCommand(command, ...args));
  }

  runInTerminal(name: string, file: string, args: string[], options: { cwd: string; env?: Record<string, string> }): void {
    const terminal = vscode.window.createTerminal({ name, shellPath: file, shellArgs: args, cwd: options.cwd, env: options.env });
    terminal.show();
  }

  isTrusted(): boolean {
    return vscode.workspace.isTrusted;
  }
}
