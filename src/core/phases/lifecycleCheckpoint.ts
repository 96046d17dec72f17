/**
 * Whether a lifecycle attempt goes on from the copy an interrupted one left. The job writes a
 * checkpoint into the copy after every complete round (spark-jobs/lifecycle/run_lifecycle.py,
 * CHECKPOINT); the phase resumes from it only when it carries this phase's config hash (same
 * settings, same loaded tables, same refresh sets) and the rounds were not yet over, since
 * maintenance cannot be rolled back (expired snapshots, vacuumed files).
 */
import path from "node:path";
import { z } from "zod";
import { readJsonIfExists } from "../runners/jsonFile";

export const LIFECYCLE_CHECKPOINT = "lifecycle-checkpoint.json";

const checkpointSchema = z.object({
  key: z.string(),
  stage: z.enum(["rounds", "maintenance"]),
  rounds_done: z.number().int().nonnegative(),
}).passthrough();

export type ResumeDecision =
  | { resume: true; afterRound: number }
  | { resume: false; why?: string };

export async function resumeDecision(workRoot: string, key: string, rounds: number): Promise<ResumeDecision> {
  let raw: unknown;
  try {
    raw = await readJsonIfExists(path.join(workRoot, LIFECYCLE_CHECKPOINT));
  } catch (error) {
    return { resume: false, why: `its checkpoint is unreadable (${(error as Error).message})` };
  }
  // No copy, or one killed before round 0's end: nothing to go on from.
  if (raw === undefined) return { resume: false };
  return decide(checkpointSchema.safeParse(raw), key, rounds);
}

function decide(parsed: z.SafeParseReturnType<unknown, z.infer<typeof checkpointSchema>>, key: string, rounds: number): ResumeDecision {
  if (!parsed.success) return { resume: false, why: "its checkpoint is not one this version writes" };
  const checkpoint = parsed.data;
  if (checkpoint.key !== key) return { resume: false, why: "it was made with other settings or other loaded tables" };
  if (checkpoint.stage !== "rounds") return { resume: false, why: "it was interrupted during maintenance, which cannot be rolled back" };
  if (checkpoint.rounds_done > rounds) return { resume: false, why: `it is past round ${rounds}` };
  return { resume: true, afterRound: checkpoint.rounds_done };
}
