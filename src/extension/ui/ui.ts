/**
 * The small boundary between the extension's logic and the VS Code API. Everything that
 * decides what to do (commands, the run session, the report controller) talks to these
 * interfaces; adapters/ implements them with `vscode`, and unit tests with plain fakes.
 */

/** An item of a quick pick, carrying the value it stands for. */
export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface Ui {
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  /** A modal question; resolves to the chosen action, undefined when dismissed. */
  confirm(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
  pick<T>(items: PickItem<T>[], placeholder: string): Promise<T | undefined>;
  /** Runs a task under a cancellable progress notification; cancelling aborts `signal`. */
  withProgress<T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>): Promise<T>;
  openFile(file: string): Promise<void>;
  openExternal(url: string): Promise<void>;
  executeCommand(command: string, ...args: unknown[]): Promise<unknown>;
  /** Runs a program (never a shell string) in a new terminal the user can watch. */
  runInTerminal(name: string, file: string, args: string[], options: { cwd: string; env?: Record<string, string> }): void;
  isTrusted(): boolean;
}

/** Where the extension's own log lines go (a LogOutputChannel in VS Code). */
export interface LogSink {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  show(): void;
}

/** The status bar item shown while a run goes on. */
export interface RunIndicator {
  show(text: string, tooltip: string): void;
  hide(): void;
}
