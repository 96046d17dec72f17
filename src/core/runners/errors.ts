/** Errors from child processes the pipeline runs. */
export class CommandFailedError extends Error {
  constructor(readonly command: string, readonly exitCode: number | undefined, readonly tail: string, readonly logFile: string) {
    super(`${command} failed (exit code ${exitCode ?? "none"}). Last output:\n${tail}\nFull log: ${logFile}`);
    this.name = "CommandFailedError";
  }
}

export class CancelledError extends Error {
  constructor(message = "Cancelled") {
    super(message);
    this.name = "CancelledError";
  }
}
