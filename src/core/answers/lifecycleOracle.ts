/**
 * The DuckDB oracle at every round of the lifecycle workload: its own copy of the bronze orders
 * and lineitem, changed round by round by the same refresh sets and upserts as every target, the
 * queries answered after each round (spark-jobs/oracle/lifecycle_answers.py). Its output has the
 * state oracle's shape, stream "0" holding the one sequence of queries. Shared by every target.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BronzeManifest } from "../datagen/manifest";
import { readJobOutput } from "../engines/jobOutput";
import { stateOracleSchema, type StateOracle } from "../engines/outputs";
import { SPARK_JOBS_DIR } from "../environment/toolchain";
import type { PhaseContext } from "../phase/context";
import { hashOf } from "../phase/hashing";
import { readJson } from "../runners/jsonFile";
import { queryTexts } from "./oracle";
import { ensureOracleJob } from "./oracleJob";

export interface LifecycleOracleRequest {
  rounds: number;
  /** The refresh manifest's creation time: new sets, new answers. */
  refreshCreatedAt: string;
}

const ORACLE_CODE = ["oracle/lifecycle_answers.py", "oracle/state_answers.py", "refresh/upserts.py", "requirements.txt"];

export async function ensureLifecycleOracle(ctx: PhaseContext, request: LifecycleOracleRequest): Promise<{ file: string; oracle: StateOracle }> {
  const manifest = await readJson<BronzeManifest>(ctx.layout.bronzeManifest);
  const inputs = {
    texts: queryTexts(ctx.config.queries),
    code: ORACLE_CODE.map((f) => readFileSync(path.join(SPARK_JOBS_DIR, f), "utf8")),
    bronze: manifest.createdAt,
    ...request,
  };
  const file = ctx.layout.oracleAnswers(`duckdb-rounds-${hashOf(inputs).slice(0, 16)}`);
  const args = [
    "--bronze-dir", ctx.layout.bronzeDir,
    "--refresh-dir", ctx.layout.refreshDir,
    "--scale-factor", String(ctx.config.scaleFactor),
    "--rounds", String(request.rounds),
    "--queries", ctx.config.queries.join(","),
    "--output", file,
  ];
  await ensureOracleJob(ctx, { file, script: "oracle/lifecycle_answers.py", args, what: "the expected answers after every round" });
  return { file, oracle: await readJobOutput(ctx.phase, file, stateOracleSchema) };
}
