/**
 * A TreeDataProvider over plain node models. On update it fires change events only for the
 * nodes that look different (mutating them in place: VS Code knows elements by identity),
 * or for the whole tree when nodes came or went; nothing while the view is hidden.
 */
import * as vscode from "vscode";
import { statusIcon, statusWord } from "./statusIcon";
import { mergeChanges, sameShape } from "./treeDiff";
import type { TreeNodeModel } from "./treeNode";

export class ModelTreeProvider<N extends TreeNodeModel> implements vscode.TreeDataProvider<N> {
  private roots: N[] = [];
  private hidden = true;
  private missedWhileHidden = false;
  private readonly changed = new vscode.EventEmitter<N | N[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** `command` makes a click do something (open a run's report). */
  constructor(private readonly command?: (node: N) => vscode.Command | undefined) {}

  get nodes(): readonly N[] {
    return this.roots;
  }

  update(next: N[]): void {
    if (!sameShape(this.roots, next)) {
      this.roots = next;
      this.fire(undefined);
      return;
    }
    const changed = mergeChanges(this.roots, next);
    if (changed.length) this.fire(changed);
  }

  setVisible(visible: boolean): void {
    this.hidden = !visible;
    if (visible && this.missedWhileHidden) {
      this.missedWhileHidden = false;
      this.changed.fire(undefined);
    }
  }

  getChildren(element?: N): N[] {
    return element ? ((element.children as N[] | undefined) ?? []) : this.roots;
  }

  getTreeItem(node: N): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    const icon = statusIcon(node.status);
    item.id = node.id;
    item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    item.tooltip = tooltip(node);
    item.contextValue = node.contextValue;
    item.accessibilityInformation = { label: `${node.label}, ${statusWord(node.status)}${node.description ? `, ${node.description}` : ""}` };
    item.command = this.command?.(node);
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private fire(nodes: N[] | undefined): void {
    if (this.hidden) this.missedWhileHidden = true;
    else this.changed.fire(nodes);
  }
}

/** Labels are ours; values come from files, so they are added as text (escaped), never as Markdown. */
function tooltip(node: TreeNodeModel): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown("**").appendText(node.tooltip.title).appendMarkdown("**\n\n");
  for (const field of node.tooltip.fields) md.appendText(`${field.label}: ${field.value}`).appendMarkdown("  \n");
  if (node.tooltip.error) md.appendMarkdown("\n\n$(error) ").appendText(node.tooltip.error);
  md.supportThemeIcons = true;
  return md;
}
