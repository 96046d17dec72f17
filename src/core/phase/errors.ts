/** A phase that ran but whose outputs failed verification, or whose work reported failures. */
export class PhaseFailedError extends Error {
  constructor(readonly phase: string, message: string, readonly result?: Record<string, unknown>) {
    super(message);
    this.name = "PhaseFailedError";
  }
}
