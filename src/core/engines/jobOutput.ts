/** Reads the one JSON result a Spark job writes and checks it against the job's schema. */
import { promises as fs } from "node:fs";
import type { z } from "zod";
import { PhaseFailedError } from "../phase/errors";

/** Reads a job's JSON file and checks it; a file that does not match fails the phase, naming the field. */
export async function readJobOutput<T>(phase: string, file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<T> {
  const text = await fs.readFile(file, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PhaseFailedError(phase, `${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PhaseFailedError(phase, `${file} does not have the expected shape: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}
