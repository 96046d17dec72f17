/**
 * What an engine does for the phases: run a format's load job and its query job, each
 * writing the documented output file (engines/outputs.ts) that the phase then checks.
 * Phases, pipeline, report and UI know engines only through this interface, so a second
 * engine is a folder beside engines/spark/ and an entry in engines/index.ts.
 */
import type { BenchConfig } from "../config/benchConfig";
import type { FormatId, QueryParameterMode } from "../config/keys";
import type { Toolchain } from "../environment/toolchain";
import type { JobEvent, PhaseContext } from "../phase/context";
import type { DataLayout } from "../phase/layout";
import type { EngineId } from "../phase/targets";

export interface LoadJob {
  format: FormatId;
  /** Where the job writes its load result (engines/outputs.ts loadOutputSchema). */
  output: string;
  onEvent(event: JobEvent): void;
}

export interface QueryJob {
  format: FormatId;
  /** The timed runs (queryOutputSchema) and the answers (answerFileSchema). */
  output: string;
  answers: string;
  onEvent(event: JobEvent): void;
}

/** TPC-H's power then throughput test on a per-run copy of a format's orders and lineitem. */
export interface RefreshTestJob {
  format: FormatId;
  /** Where the working copy goes (removed by the phase before and after). */
  workRoot: string;
  refreshDir: string;
  streams: number;
  parameters: QueryParameterMode;
  seed: number;
  /** The timings, commits and counts (qphhOutputSchema) and the answers per stream (streamAnswerFileSchema). */
  output: string;
  answers: string;
  onEvent(event: JobEvent): void;
}

/** The lifecycle workload's rounds of change on a per-run copy of a format's orders and lineitem. */
export interface LifecycleJob {
  format: FormatId;
  /** Where the working copy and its checkpoint are (kept across attempts, removed once done). */
  workRoot: string;
  refreshDir: string;
  rounds: number;
  /** Written into the checkpoint; a resumed job refuses a checkpoint that carries another. */
  resumeKey: string;
  /** Go on from the checkpoint in workRoot, rolled back by the format's restore. */
  resume: boolean;
  /** The passes, changes, storage and maintenance (lifecycleOutputSchema) and the answers per pass (passAnswerFileSchema). */
  output: string;
  answers: string;
  onEvent(event: JobEvent): void;
}

/** An engine opened for one pipeline run. */
export interface EngineSession {
  id: EngineId;
  /** The engine settings that change a measurement: part of its phases' config hash. */
  measurementSettings(): unknown;
  /** Before a phase on this engine: fails fast when it cannot run one now (a full cluster). */
  beforePhase(ctx: PhaseContext): Promise<void>;
  load(ctx: PhaseContext, job: LoadJob): Promise<void>;
  runQueries(ctx: PhaseContext, job: QueryJob): Promise<void>;
  runRefreshTest(ctx: PhaseContext, job: RefreshTestJob): Promise<void>;
  runLifecycle(ctx: PhaseContext, job: LifecycleJob): Promise<void>;
  /** Removes what open made (a secret file); called once, when the run ends. */
  close(): Promise<void>;
}

export interface Engine {
  id: EngineId;
  label: string;
  /** The versions of what the engine runs on (stored with every run): for Spark, Java and the format jars. */
  versions(): Promise<Record<string, string>>;
  /** Fails with the fix when the engine's tools for these formats are not installed. */
  assertInstalled(toolchain: Toolchain, formats: readonly FormatId[]): void;
  open(config: BenchConfig, toolchain: Toolchain): Promise<EngineSession>;
  /** Leftovers of runs killed before they could clean up (files only the engine knows). */
  removeLeftovers(layout: DataLayout): Promise<string[]>;
}
