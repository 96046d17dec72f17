/** Errors about the workspace state file and its lock. */
export class StateCorruptError extends Error {
  readonly exitCode = 2;
  constructor(readonly file: string, readonly backup: string, reason: string) {
    super(
      `The state file ${file} is corrupt (${reason}). It was backed up to ${backup} and left as it is. ` +
        "Fix it, or run `lakebench reset` to start a new state file.",
    );
    this.name = "StateCorruptError";
  }
}

export class StateLockedError extends Error {
  readonly exitCode = 3;
  constructor(readonly file: string) {
    super(`Another Lakehouse Bench run holds the lock on ${file}. Wait for it to finish (see \`lakebench status\`).`);
    this.name = "StateLockedError";
  }
}
