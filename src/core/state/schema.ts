/** The shape of .lakebench/state.json: the phases' current status and the history of runs. */
import { z } from "zod";
import { BENCHMARK_ID_PATTERN } from "./benchmarkId";

export const PHASE_STATUSES = ["pending", "running", "completed", "failed", "cancelled"] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

/** What a run did with a phase: ran it, found it up to date, or could not run it. */
export const PHASE_OUTCOMES = ["executed", "skipped", "failed", "cancelled", "blocked"] as const;
export type PhaseOutcome = (typeof PHASE_OUTCOMES)[number];

/** Ids become directory names that runs delete: only what newBenchmarkId makes is valid. */
const benchmarkIdSchema = z.string().regex(BENCHMARK_ID_PATTERN, "not a run id of the form lb-YYYYMMDD-HHMMSS-xxxx");

/** What identified the child when it started (runners/processes.ts): signalled only if it still matches. */
export const processIdentitySchema = z.object({
  bootId: z.string().optional(),
  startTime: z.number().int().nonnegative(),
  cmdline: z.array(z.string()),
});

export const phaseStateSchema = z.object({
  status: z.enum(PHASE_STATUSES),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  configHash: z.string().optional(),
  /**
   * The orchestrator process while running, and the child it spawned (a process group).
   * Any number parses: recovery signals only a valid pid whose recorded identity still matches.
   */
  pid: z.number().optional(),
  childPid: z.number().optional(),
  childIdentity: processIdentitySchema.optional(),
  benchmarkId: benchmarkIdSchema.optional(),
  logFile: z.string().optional(),
  error: z.string().optional(),
  result: z.record(z.unknown()).optional(),
  /**
   * Set by the migration from a version-1 state (state/migrations.ts): the key the phase had
   * then. Its configHash is of version 1's settings (pipeline/version1Hashes.ts checks it).
   */
  migratedFrom: z.object({ version: z.literal(1), phase: z.string() }).optional(),
});
export type PhaseState = z.infer<typeof phaseStateSchema>;

export const runRecordSchema = z.object({
  benchmarkId: benchmarkIdSchema,
  command: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  status: z.enum(["running", "completed", "failed", "cancelled"]),
  config: z.record(z.unknown()),
  versions: z.record(z.string()).optional(),
  machine: z.record(z.unknown()),
  phases: z.record(z.enum(PHASE_OUTCOMES)),
  summary: z.record(z.unknown()).optional(),
  reportDir: z.string().optional(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

/** Version 2: phases keyed by target (state/migrations.ts reads version 1). */
export const stateFileSchema = z.object({
  version: z.literal(2),
  phases: z.record(phaseStateSchema),
  runs: z.array(runRecordSchema),
});
export type StateFile = z.infer<typeof stateFileSchema>;

export const emptyState = (): StateFile => ({ version: 2, phases: {}, runs: [] });
