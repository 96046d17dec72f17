/** Plain fakes of the extension's ports (Ui, LogSink, RunIndicator): they record what was shown. */
import type { LogSink, PickItem, RunIndicator, Ui } from "../../../../src/extension/ui/ui";

export interface Shown {
  level: "info" | "warn" | "error" | "confirm";
  message: string;
  actions: string[];
}

export class FakeUi implements Ui {
  shown: Shown[] = [];
  executed: { command: string; args: unknown[] }[] = [];
  opened: string[] = [];
  terminals: { name: string; file: string; args: string[]; cwd: string; env?: Record<string, string> }[] = [];
  progressTitles: string[] = [];
  progressMessages: string[] = [];
  trusted = true;
  /** The button the user "clicks" on the next message, by title. */
  answer: string | undefined;
  picks: unknown[] = [];
  /** Set while a withProgress task runs: cancel() is the user pressing Cancel. */
  private cancelProgress: (() => void) | undefined;

  private show(level: Shown["level"], message: string, actions: string[]) {
    this.shown.push({ level, message, actions });
    const answer = this.answer !== undefined && actions.includes(this.answer) ? this.answer : undefined;
    return Promise.resolve(answer);
  }
  info = (message: string, ...actions: string[]) => this.show("info", message, actions);
  warn = (message: string, ...actions: string[]) => this.show("warn", message, actions);
  error = (message: string, ...actions: string[]) => this.show("error", message, actions);
  confirm = (message: string, _detail: string, ...actions: string[]) => this.show("confirm", message, actions);
  async pick<T>(items: PickItem<T>[]): Promise<T | undefined> {
    const next = this.picks.shift();
    return items.find((i) => i.value === next)?.value;
  }
  async withProgress<T>(title: string, task: (report: (m: string) => void, signal: AbortSignal) => Promise<T>): Promise<T> {
    this.progressTitles.push(title);
    const controller = new AbortController();
    this.cancelProgress = () => controller.abort();
    try {
      return await task((m) => this.progressMessages.push(m), controller.signal);
    } finally {
      this.cancelProgress = undefined;
    }
  }
  cancel(): void {
    this.cancelProgress?.();
  }
  async openFile(file: string) {
    this.opened.push(file);
  }
  async openExternal(url: string) {
    this.opened.push(url);
  }
  async executeCommand(command: string, ...args: unknown[]) {
    this.executed.push({ command, args });
    return undefined;
  }
  runInTerminal(name: string, file: string, args: string[], options: { cwd: string; env?: Record<string, string> }) {
    this.terminals.push({ name, file, args, ...options });
  }
  isTrusted() {
    return this.trusted;
  }
  messages(level?: Shown["level"]): string[] {
    return this.shown.filter((s) => !level || s.level === level).map((s) => s.message);
  }
}

export class FakeLog implements LogSink {
  lines: string[] = [];
  shownCount = 0;
  info = (m: string) => void this.lines.push(`info ${m}`);
  warn = (m: string) => void this.lines.push(`warn ${m}`);
  error = (m: string) => void this.lines.push(`error ${m}`);
  show = () => void this.shownCount++;
}

export class FakeIndicator implements RunIndicator {
  texts: string[] = [];
  visible = false;
  show(text: string) {
    this.texts.push(text);
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
}
