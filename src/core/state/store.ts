/**
 * The workspace state file: read and validated on open, written atomically after every
 * change (write-file-atomic), and guarded by a lock (proper-lockfile) while a run goes on.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";
import writeFileAtomic from "write-file-atomic";
import { StateCorruptError, StateLockedError } from "./errors";
import { emptyState, stateFileSchema, type PhaseState, type RunRecord, type StateFile } from "./schema";

export const STATE_DIR = ".lakebench";

export function stateFilePath(workspace: string): string {
  return path.join(workspace, STATE_DIR, "state.json");
}

/** Parses state file text without side effects: the state, or why it is not one. */
export function parseState(text: string): { state: StateFile } | { reason: string } {
  try {
    const parsed = stateFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { state: parsed.data };
    const issue = parsed.error.issues[0];
    return { reason: `${issue.path.join(".") || "top level"}: ${issue.message}` };
  } catch (error) {
    return { reason: `not JSON: ${(error as Error).message}` };
  }
}

/** Reads the state; a missing file is an empty state, a corrupt one is backed up and refused. */
export async function readState(file: string): Promise<StateFile> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw error;
  }
  const parsed = parseState(text);
  if ("state" in parsed) return parsed.state;
  const backup = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  await fs.copyFile(file, backup);
  throw new StateCorruptError(file, backup, parsed.reason);
}

export class StateStore {
  private constructor(
    readonly file: string,
    private state: StateFile,
    private readonly release: () => Promise<void>,
  ) {}

  /** Takes the run lock, then reads the state. Refuses when another run holds the lock. */
  static async open(workspace: string): Promise<StateStore> {
    const file = stateFilePath(workspace);
    await fs.mkdir(path.dirname(file), { recursive: true });
    let release: () => Promise<void>;
    try {
      // The lock is a directory refreshed every few seconds; a holder killed with -9
      // stops refreshing, and the retries (about 20 s) outlast the 10 s it takes to go stale.
      release = await lockfile.lock(path.dirname(file), {
        lockfilePath: path.join(path.dirname(file), "run.lock"),
        stale: 10_000,
        update: 2_000,
        retries: { retries: 10, minTimeout: 1_000, maxTimeout: 2_000 },
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw new StateLockedError(file);
      throw error;
    }
    try {
      return new StateStore(file, await readState(file), release);
    } catch (error) {
      await release();
      throw error;
    }
  }

  get snapshot(): StateFile {
    return structuredClone(this.state);
  }

  phase(name: string): PhaseState {
    return this.state.phases[name] ?? { status: "pending" };
  }

  async setPhase(name: string, phase: PhaseState): Promise<void> {
    this.state.phases[name] = phase;
    await this.save();
  }

  async updateRun(benchmarkId: string, change: (run: RunRecord) => void): Promise<void> {
    const run = this.state.runs.find((r) => r.benchmarkId === benchmarkId);
    if (!run) throw new Error(`No run ${benchmarkId} in ${this.file}`);
    change(run);
    await this.save();
  }

  async addRun(run: RunRecord): Promise<void> {
    this.state.runs.push(run);
    await this.save();
  }

  async replace(state: StateFile): Promise<void> {
    this.state = state;
    await this.save();
  }

  async close(): Promise<void> {
    await this.release();
  }

  private async save(): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(this.state, null, 2) + "\n");
  }
}
