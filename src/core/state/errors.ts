/** Errors about the workspace state file, its directory and its lock. */

/** Who holds the run lock (run.lock.owner.json, state/lockOwner.ts). */
export interface LockOwner {
  pid: number;
  /** The lakebench command that took it: run, silver, reset, ... */
  command: string;
  /** ISO time the lock was taken. */
  since: string;
}

export class StateCorruptError extends Error {
  readonly exitCode = 2;
  /** backup: where a command that writes kept the bytes; read-only commands make none. */
  constructor(readonly file: string, readonly reason: string, readonly backup?: string) {
    super(
      `The state file ${file} is corrupt (${reason}). ` +
        (backup
          ? `It was backed up to ${backup} and left as it is. Fix it, or run \`lakebench reset\` to start a new state file.`
          : "Nothing was changed. Fix it, or run `lakebench reset` to start a new state file (it keeps a backup of this one)."),
    );
    this.name = "StateCorruptError";
  }
}

export class StateLockedError extends Error {
  readonly exitCode = 3;
  constructor(readonly file: string, readonly holder?: LockOwner) {
    super(`Another Lakehouse Bench run holds the lock on ${file} (${describeHolder(holder)}). Wait for it to finish (see \`lakebench status\`).`);
    this.name = "StateLockedError";
  }
}

function describeHolder(holder: LockOwner | undefined): string {
  if (!holder) return "holder unknown";
  return `pid ${holder.pid}, \`lakebench ${holder.command}\`, since ${holder.since}`;
}

/** The lock was lost while held (a stall longer than its stale time, or its directory removed). */
export class StateLockLostError extends Error {
  readonly exitCode = 3;
  constructor(readonly file: string, readonly cause: Error) {
    super(
      `The run lock on ${file} was lost while this run held it (${cause.message}); another run may have taken over, ` +
        "so this one stopped writing the state. Check `lakebench status`, then run again.",
    );
    this.name = "StateLockLostError";
  }
}

export type StatePathProblem = "symlink" | "not-a-directory" | "not-a-file" | "unreadable" | "missing-workspace";

const ADVICE: Record<StatePathProblem, string> = {
  symlink: "is a symbolic link; Lakehouse Bench does not follow links for its state, which could lead out of the workspace. Replace it with a regular file or directory (or remove it), then run again.",
  "not-a-directory": "is not a directory. Move it away (Lakehouse Bench keeps its state in a directory there), then run again.",
  "not-a-file": "is not a regular file (a directory?). Move it away, then run again.",
  unreadable: "cannot be read or written (permission denied). Check its owner and permissions (ls -l).",
  "missing-workspace": "does not exist; nothing was created. Pass an existing folder with --workspace.",
};

/** A path of the workspace state that cannot be used as it is: a link, a wrong type, no access. */
export class StatePathError extends Error {
  readonly exitCode = 2;
  constructor(readonly path: string, readonly problem: StatePathProblem) {
    super(`${problem === "missing-workspace" ? "The workspace " : ""}${path} ${ADVICE[problem]}`);
    this.name = "StatePathError";
  }
}
