/**
 * Streams the phases' log files (where core writes every line spark-submit and tpchgen-cli
 * print) line by line while they grow. It waits on inotify (fs.watch on the log's folder),
 * never on a timer, so an idle run costs nothing.
 */
import { mkdirSync, promises as fs, watch, type FSWatcher } from "node:fs";
import path from "node:path";

export type LineSink = (phase: string, line: string) => void;

class FileTail {
  private offset = 0;
  private pending = "";
  private reading: Promise<void> = Promise.resolve();
  private readonly watcher: FSWatcher | undefined;

  constructor(private readonly phase: string, private readonly file: string, private readonly sink: LineSink) {
    const dir = path.dirname(file);
    try {
      // Core creates the folder when the command starts; creating it first lets us watch from the start.
      mkdirSync(dir, { recursive: true });
      this.watcher = watch(dir, (_event, name) => {
        if (name === null || name === path.basename(file)) this.readMore();
      });
      this.watcher.on("error", () => this.watcher?.close());
    } catch {
      this.watcher = undefined; // no folder, no log: nothing to stream
    }
    this.readMore();
  }

  /** Reads what was appended since the last read; reads never overlap. */
  readMore(): Promise<void> {
    this.reading = this.reading.then(() => this.readNewBytes()).catch(() => undefined);
    return this.reading;
  }

  async close(): Promise<void> {
    this.watcher?.close();
    await this.readMore();
    if (this.pending) this.sink(this.phase, this.pending);
    this.pending = "";
  }

  private async readNewBytes(): Promise<void> {
    const handle = await fs.open(this.file, "r").catch(() => undefined);
    if (!handle) return;
    try {
      const { size } = await handle.stat();
      if (size <= this.offset) return;
      const buffer = Buffer.alloc(size - this.offset);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.offset);
      this.offset += bytesRead;
      const lines = (this.pending + buffer.subarray(0, bytesRead).toString("utf8")).split("\n");
      this.pending = lines.pop() ?? "";
      for (const line of lines) this.sink(this.phase, line);
    } finally {
      await handle.close();
    }
  }
}

export class PhaseLogTail {
  private readonly tails = new Map<string, FileTail>();

  constructor(private readonly sink: LineSink) {}

  start(phase: string, file: string): void {
    if (this.tails.has(phase)) return;
    this.tails.set(phase, new FileTail(phase, file, this.sink));
  }

  /** Reads the rest of the phase's log, then stops following it. */
  async stop(phase: string): Promise<void> {
    const tail = this.tails.get(phase);
    this.tails.delete(phase);
    await tail?.close();
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.tails.keys()].map((phase) => this.stop(phase)));
  }
}
