/** The status bar item shown while a run goes on; clicking it shows the log. */
import * as vscode from "vscode";
import { COMMANDS } from "../commands/commandIds";
import type { RunIndicator } from "../ui/ui";

export class StatusBarIndicator implements RunIndicator, vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("lakehouseBench.run", vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = "Lakehouse Bench run";
    this.item.command = COMMANDS.logShow;
  }

  show(text: string, tooltip: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
