/**
 * The DuckDB oracle: the expected answer of every query, computed once per bronze data set
 * and query set, and kept beside the gold metrics.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BronzeManifest } from "../datagen/manifest";
import { SPARK_JOBS_DIR } from "../environment/toolchain";
import { hashOf } from "../phase/hashing";
import type { PhaseContext } from "../phase/context";
import { readJobOutput } from "../engines/jobOutput";
import { answerFileSchema, type AnswerFile } from "../engines/outputs";
import { readJson } from "../runners/jsonFile";
import { ensureOracleJob } from "./oracleJob";

export const queryName = (n: number): string => `q${String(n).padStart(2, "0")}`;

/** The query files' text, so answers are recomputed when a query changes. */
export function queryTexts(numbers: number[]): Record<string, string> {
  return Object.fromEntries(numbers.map((n) => [queryName(n), readFileSync(path.join(SPARK_JOBS_DIR, "queries", `${queryName(n)}.sql`), "utf8")]));
}

export async function ensureOracleAnswers(ctx: PhaseContext): Promise<{ file: string; answers: AnswerFile }> {
  const manifest = await readJson<BronzeManifest>(ctx.layout.bronzeManifest);
  const requirements = readFileSync(path.join(SPARK_JOBS_DIR, "requirements.txt"), "utf8");
  const key = `duckdb-${hashOf({ texts: queryTexts(ctx.config.queries), bronze: manifest.createdAt, requirements })}`;
  const file = ctx.layout.oracleAnswers(key);
  const args = ["--bronze-dir", ctx.layout.bronzeDir, "--scale-factor", String(ctx.config.scaleFactor), "--queries", ctx.config.queries.join(","), "--output", file];
  await ensureOracleJob(ctx, { file, script: "oracle/duckdb_answers.py", args, what: "the expected answers" });
  return { file, answers: await readJobOutput(ctx.phase, file, answerFileSchema) };
}
