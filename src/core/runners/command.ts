/** A command as data: built by pure functions, executed by the process runner. */
export interface Command {
  file: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
}
