/** Errors from child processes the pipeline runs. */
export class CommandFailedError extends Error {
  constructor(readonly command: string, readonly exitCode: number | undefined, readonly tail: string, readonly logFile: string) {
    super(`${command} failed (exit code ${exitCode ?? "none"}): ${likelyCause(tail)}\nLast output:\n${tail}\nFull log: ${logFile}`);
    this.name = "CommandFailedError";
  }
}

/** The line that most likely says what went wrong: the last error or exception line. */
function likelyCause(tail: string): string {
  const lines = tail.split("\n").map((l) => l.trim()).filter(Boolean);
  return [...lines].reverse().find((l) => /error|exception|failed/i.test(l) && !l.startsWith("at ")) ?? lines.at(-1) ?? "no output";
}

export class CancelledError extends Error {
  constructor(message = "Cancelled") {
    super(message);
    this.name = "CancelledError";
  }
}
