/**
 * The DuckDB oracle at every table state of the power and throughput test: its own copy of
 * the bronze orders and lineitem, changed by the same refresh sets in the same order, and
 * every stream's queries answered at each state a stream can see (spark-jobs/oracle/state_answers.py).
 * Computed once per bronze data, refresh sets, streams and parameters; shared by every target.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { QueryParameterMode } from "../config/keys";
import type { BronzeManifest } from "../datagen/manifest";
import { readJobOutput } from "../engines/jobOutput";
import { stateOracleSchema, type StateOracle } from "../engines/outputs";
import { SPARK_JOBS_DIR } from "../environment/toolchain";
import type { PhaseContext } from "../phase/context";
import { hashOf } from "../phase/hashing";
import { readJson } from "../runners/jsonFile";
import { queryTexts } from "./oracle";
import { ensureOracleJob } from "./oracleJob";

export interface StateOracleRequest {
  streams: number;
  parameters: QueryParameterMode;
  seed: number;
  /** The refresh manifest's creation time: new sets, new answers. */
  refreshCreatedAt: string;
}

export async function ensureStateOracle(ctx: PhaseContext, request: StateOracleRequest): Promise<{ file: string; oracle: StateOracle }> {
  const manifest = await readJson<BronzeManifest>(ctx.layout.bronzeManifest);
  const inputs = {
    texts: queryTexts(Array.from({ length: 22 }, (_, i) => i + 1)),
    code: ["oracle/state_answers.py", "common/parameters.py", "common/streams.py", "requirements.txt"].map((f) => readFileSync(path.join(SPARK_JOBS_DIR, f), "utf8")),
    bronze: manifest.createdAt,
    ...request,
  };
  const file = ctx.layout.oracleAnswers(`duckdb-states-${hashOf(inputs).slice(0, 16)}`);
  const args = [
    "--bronze-dir", ctx.layout.bronzeDir,
    "--refresh-dir", ctx.layout.refreshDir,
    "--scale-factor", String(ctx.config.scaleFactor),
    "--streams", String(request.streams),
    "--parameters", request.parameters,
    "--seed", String(request.seed),
    "--output", file,
  ];
  await ensureOracleJob(ctx, { file, script: "oracle/state_answers.py", args, what: "the expected answers at every table state" });
  return { file, oracle: await readJobOutput(ctx.phase, file, stateOracleSchema) };
}
