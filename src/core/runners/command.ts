/** A command as data: built by pure functions, executed by the process runner. */
export interface Command {
  file: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Compose service to run it in (through the Docker API); absent: run on this machine. */
  service?: string;
}
