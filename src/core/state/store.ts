/**
 * The workspace state file: read and validated on open, written atomically after every
 * change (write-file-atomic), and guarded by a lock (proper-lockfile) while a run goes on.
 * Only a store (a command that writes) backs up a corrupt file; readState never writes.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";
import writeFileAtomic from "write-file-atomic";
import { backUpOnce } from "./backup";
import { StateCorruptError, StateLockedError, StateLockLostError, StatePathError } from "./errors";
import { LOCK_NAME, readLockOwner, removeLockOwner, writeLockOwner } from "./lockOwner";
import { isVersion1, migrateV1 } from "./migrations";
import { emptyState, stateFileSchema, type PhaseState, type RunRecord, type StateFile } from "./schema";
import { assertWritableFile, checkStateDir, lstatIfPresent, pathError, readStateBytes } from "./stateFiles";

export const STATE_DIR = ".lakebench";

export function stateFilePath(workspace: string): string {
  return path.join(workspace, STATE_DIR, "state.json");
}

/**
 * Parses state file text without side effects: the state (an older version migrated in
 * memory, migratedFrom saying so), or why it is not one.
 */
export function parseState(text: string): { state: StateFile; migratedFrom?: number } | { reason: string } {
  try {
    const value: unknown = JSON.parse(text);
    const old = isVersion1(value);
    const parsed = stateFileSchema.safeParse(old ? migrateV1(value) : value);
    if (parsed.success) return old ? { state: parsed.data, migratedFrom: 1 } : { state: parsed.data };
    const issue = parsed.error.issues[0];
    return { reason: `${issue.path.join(".") || "top level"}: ${issue.message}` };
  } catch (error) {
    return { reason: `not JSON: ${(error as Error).message}` };
  }
}

/**
 * Reads the state without writing anything (status, the extension's views): a missing file
 * is an empty state; a corrupt one is refused, without a backup.
 */
export async function readState(file: string): Promise<StateFile> {
  const dir = path.dirname(file);
  const dirStat = await lstatIfPresent(dir);
  if (!dirStat) return emptyState();
  if (dirStat.isSymbolicLink()) throw new StatePathError(dir, "symlink");
  if (!dirStat.isDirectory()) throw new StatePathError(dir, "not-a-directory");
  const bytes = await readStateBytes(file);
  if (!bytes) return emptyState();
  const parsed = parseState(bytes.toString("utf8"));
  if ("state" in parsed) return parsed.state;
  throw new StateCorruptError(file, parsed.reason);
}

export interface OpenOptions {
  /** The command taking the lock, named to a run that finds it held. */
  command?: string;
  /** reset: a corrupt file is backed up and the store starts empty instead of refusing. */
  replaceCorrupt?: boolean;
}

/** An older state file that open migrated, kept byte for byte at backup. */
export interface MigratedState {
  from: number;
  backup: string;
}

/** What a store opened with replaceCorrupt found instead of a valid state. */
export interface ReplacedCorruptState {
  reason: string;
  backup: string;
}

// The lock is a directory refreshed every few seconds; a holder killed with -9 stops
// refreshing, and the retries (about 20 s) outlast the 10 s it takes to go stale.
const LOCK_TIMINGS = { stale: 10_000, update: 2_000, retries: { retries: 10, minTimeout: 1_000, maxTimeout: 2_000 } };

export class StateStore {
  private lost?: StateLockLostError;

  private constructor(
    readonly file: string,
    private state: StateFile,
    private readonly release: () => Promise<void>,
    /** Set when open replaced a corrupt file (replaceCorrupt). */
    readonly replacedCorrupt?: ReplacedCorruptState,
    /** Set when open migrated an older version: which, and where its bytes were kept. */
    readonly migrated?: MigratedState,
  ) {}

  /** Takes the run lock, then reads the state. Refuses when another run holds the lock. */
  static async open(workspace: string, options: OpenOptions = {}): Promise<StateStore> {
    const file = stateFilePath(workspace);
    const dir = path.dirname(file);
    await checkStateDir(workspace, dir, { create: true });
    let lostBeforeOpen: Error | undefined;
    let store: StateStore | undefined;
    const onCompromised = (cause: Error) => {
      // proper-lockfile's default throws from a timer, which would crash the process.
      if (store) store.lost = new StateLockLostError(file, cause);
      else lostBeforeOpen = cause;
    };
    const release = await takeLock(file, dir, onCompromised);
    try {
      await writeLockOwner(dir, { pid: process.pid, command: options.command ?? "lakebench", since: new Date().toISOString() });
      const { state, replaced, migrated } = await readForWriting(file, options);
      store = new StateStore(file, state, releaseWithOwner(dir, release), replaced, migrated);
      if (lostBeforeOpen) store.lost = new StateLockLostError(file, lostBeforeOpen);
      if (migrated) await store.save();
      return store;
    } catch (error) {
      await releaseWithOwner(dir, release)().catch(() => undefined);
      throw error;
    }
  }

  get snapshot(): StateFile {
    return structuredClone(this.state);
  }

  /** Set once the lock was lost; every later write refuses with it. */
  get lockLost(): StateLockLostError | undefined {
    return this.lost;
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
    // A lost lock is released already (and may be another run's now): leave it be.
    if (this.lost) return;
    await this.release();
  }

  private async save(): Promise<void> {
    if (this.lost) throw this.lost;
    // write-file-atomic writes through a symbolic link to its target: refuse one first.
    await assertWritableFile(this.file);
    try {
      await writeFileAtomic(this.file, JSON.stringify(this.state, null, 2) + "\n");
    } catch (error) {
      throw pathError(error, this.file);
    }
  }
}

async function takeLock(file: string, dir: string, onCompromised: (cause: Error) => void): Promise<() => Promise<void>> {
  const lockPath = path.join(dir, LOCK_NAME);
  await clearForeignLock(lockPath);
  try {
    return await lockfile.lock(dir, { lockfilePath: lockPath, ...LOCK_TIMINGS, onCompromised });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw new StateLockedError(file, await readLockOwner(dir));
    throw pathError(error, lockPath);
  }
}

/**
 * Our lock is always a directory. A link there is refused (the lock's stale check would
 * follow it); a plain file is a leftover no live run can hold, so it is removed.
 */
async function clearForeignLock(lockPath: string): Promise<void> {
  const stat = await lstatIfPresent(lockPath);
  if (!stat || stat.isDirectory()) return;
  if (stat.isSymbolicLink()) throw new StatePathError(lockPath, "symlink");
  try {
    await fs.unlink(lockPath);
  } catch (error) {
    throw pathError(error, lockPath);
  }
}

function releaseWithOwner(dir: string, release: () => Promise<void>): () => Promise<void> {
  return async () => {
    await removeLockOwner(dir).catch(() => undefined);
    await release();
  };
}

/** The state for a command that writes: a corrupt file is backed up once, then refused or replaced. */
async function readForWriting(file: string, options: OpenOptions): Promise<{ state: StateFile; replaced?: ReplacedCorruptState; migrated?: MigratedState }> {
  const bytes = await readStateBytes(file);
  if (!bytes) return { state: emptyState() };
  const parsed = parseState(bytes.toString("utf8"));
  if ("state" in parsed) {
    // The older file is kept as it was (state.json.v1-<hash>) before the migrated one replaces it.
    if (!parsed.migratedFrom) return { state: parsed.state };
    const backup = await backUpOnce(file, bytes, `v${parsed.migratedFrom}`);
    return { state: parsed.state, migrated: { from: parsed.migratedFrom, backup } };
  }
  const backup = await backUpOnce(file, bytes, "corrupt");
  if (!options.replaceCorrupt) throw new StateCorruptError(file, parsed.reason, backup);
  return { state: emptyState(), replaced: { reason: parsed.reason, backup } };
}
