// Just enough of the `vscode` module to activate dist/extension.js in plain Node and time it:
// every API the extension calls at activation, doing nothing, plus hooks to see its trees.
class Disposable {
  constructor(fn = () => {}) {
    this.dispose = fn;
  }
}

class EventEmitter {
  listeners = [];
  event = (listener) => {
    this.listeners.push(listener);
    return new Disposable();
  };
  fire(value) {
    this.listeners.forEach((l) => l(value));
  }
  dispose() {}
}

const noEvent = () => new Disposable();

export function vscodeStub(workspace) {
  const trees = {};
  const commands = new Map();
  const uri = (fsPath) => ({ fsPath, scheme: "file", path: fsPath, toString: () => `file://${fsPath}` });
  const channel = { info() {}, warn() {}, error() {}, trace() {}, debug() {}, show() {}, appendLine() {}, dispose() {} };
  const vscode = {
    Disposable,
    EventEmitter,
    TreeItem: class {
      constructor(label, collapsibleState) {
        Object.assign(this, { label, collapsibleState });
      }
    },
    ThemeIcon: class {
      constructor(id, color) {
        Object.assign(this, { id, color });
      }
    },
    ThemeColor: class {
      constructor(id) {
        this.id = id;
      }
    },
    MarkdownString: class {
      value = "";
      appendMarkdown(text) {
        this.value += text;
        return this;
      }
      appendText(text) {
        this.value += text.replace(/[\\`*_{}[\]()#+\-.!<>]/g, "\\$&");
        return this;
      }
    },
    RelativePattern: class {
      constructor(base, pattern) {
        Object.assign(this, { base, pattern });
      }
    },
    Uri: { file: uri, joinPath: (base, ...parts) => uri([base.fsPath, ...parts].join("/")), parse: (s) => uri(s) },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ProgressLocation: { Notification: 15 },
    ViewColumn: { Active: -1 },
    window: {
      createOutputChannel: () => channel,
      createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
      createTreeView: (id, options) => {
        trees[id] = options.treeDataProvider;
        return { visible: true, onDidChangeVisibility: noEvent, dispose() {} };
      },
      registerWebviewPanelSerializer: () => new Disposable(),
      showInformationMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showErrorMessage: async () => undefined,
    },
    commands: {
      registerCommand: (id, run) => (commands.set(id, run), new Disposable()),
      executeCommand: async () => undefined,
    },
    workspace: {
      isTrusted: true,
      workspaceFolders: [{ uri: uri(workspace), name: "bench", index: 0 }],
      getConfiguration: () => ({ get: () => undefined }),
      createFileSystemWatcher: () => ({ onDidChange: noEvent, onDidCreate: noEvent, onDidDelete: noEvent, dispose() {} }),
      onDidChangeConfiguration: noEvent,
      onDidGrantWorkspaceTrust: noEvent,
      onDidChangeWorkspaceFolders: noEvent,
    },
    env: { openExternal: async () => true },
  };
  return { vscode, trees, commands };
}
