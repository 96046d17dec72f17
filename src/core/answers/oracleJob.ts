/**
 * Runs a DuckDB oracle job once per answer file: phases running side by side that need the same
 * answers wait for one run, and a file already there is reused (its name hashes every input).
 */
import { existsSync } from "node:fs";
import { runPhaseCommand, type PhaseContext } from "../phase/context";
import { pythonJobCommand } from "../runners/pythonJob";

/** Oracle runs under way, by answer file. */
const computing = new Map<string, Promise<void>>();

export interface OracleJob {
  /** The answer file, named by a hash of everything that changes the answers. */
  file: string;
  /** spark-jobs/-relative script and its arguments (the file among them). */
  script: string;
  args: string[];
  /** What the progress line says is being computed. */
  what: string;
}

export async function ensureOracleJob(ctx: PhaseContext, job: OracleJob): Promise<void> {
  if (!computing.has(job.file) && !existsSync(job.file)) {
    ctx.progress(`${ctx.phase}: computing ${job.what} with DuckDB`);
    const run = runPhaseCommand(ctx, pythonJobCommand(job.script, job.args, ctx.toolchain));
    computing.set(job.file, run);
    run.finally(() => computing.delete(job.file)).catch(() => undefined);
  }
  await computing.get(job.file);
}
