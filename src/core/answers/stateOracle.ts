/**
 * The DuckDB oracle at every table state of the power and throughput test: its own copy of
 * the bronze orders and lineitem, changed by the same refresh sets in the same order, and
 * every stream's queries answered at each state a stream can see (spark-jobs/oracle/state_answers.py).
 * Computed once per bronze data, refresh sets, streams and parameters; shared by every target.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { QueryParameterMode } from "../config/keys";
import type { BronzeManifest } from "../datagen/manifest";
import { readJobOutput } from "../engines/jobOutput";
import { stateOracleSchema, type StateOracle } from "../engines/outputs";
import { SPARK_JOBS_DIR } from "../environment/toolchain";
import { runPhaseCommand, type PhaseContext } from "../phase/context";
import { hashOf } from "../phase/hashing";
import { readJson } from "../runners/jsonFile";
import { pythonJobCommand } from "../runners/pythonJob";
import { queryTexts } from "./oracle";

export interface StateOracleRequest {
  streams: number;
  parameters: QueryParameterMode;
  seed: number;
  /** The refresh manifest's creation time: new sets, new answers. */
  refreshCreatedAt: string;
}

/** Oracle runs under way, by file: refresh tests running side by side share one. */
const computing = new Map<string, Promise<void>>();

export async function ensureStateOracle(ctx: PhaseContext, request: StateOracleRequest): Promise<{ file: string; oracle: StateOracle }> {
  const manifest = await readJson<BronzeManifest>(ctx.layout.bronzeManifest);
  const inputs = {
    texts: queryTexts(Array.from({ length: 22 }, (_, i) => i + 1)),
    code: ["oracle/state_answers.py", "common/parameters.py", "common/streams.py", "requirements.txt"].map((f) => readFileSync(path.join(SPARK_JOBS_DIR, f), "utf8")),
    bronze: manifest.createdAt,
    ...request,
  };
  const file = ctx.layout.oracleAnswers(`duckdb-states-${hashOf(inputs).slice(0, 16)}`);
  if (!computing.has(file) && !existsSync(file)) {
    ctx.progress(`${ctx.phase}: computing the expected answers at every table state with DuckDB`);
    const args = [
      "--bronze-dir", ctx.layout.bronzeDir,
      "--refresh-dir", ctx.layout.refreshDir,
      "--scale-factor", String(ctx.config.scaleFactor),
      "--streams", String(request.streams),
      "--parameters", request.parameters,
      "--seed", String(request.seed),
      "--output", file,
    ];
    const run = runPhaseCommand(ctx, pythonJobCommand("oracle/state_answers.py", args, ctx.toolchain));
    computing.set(file, run);
    run.finally(() => computing.delete(file)).catch(() => undefined);
  }
  await computing.get(file);
  return { file, oracle: await readJobOutput(ctx.phase, file, stateOracleSchema) };
}
