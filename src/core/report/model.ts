/**
 * The report model: everything a report shows, gathered from the phases' outputs. It is
 * written as summary.json and rendered as Markdown, HTML and (later) the VS Code panel.
 */
import type { AnswerCheck } from "../answers/compare";
import type { Framework } from "../config/keys";
import type { TableFiles } from "../datagen/manifest";
import type { RunStatistics } from "../metrics/statistics";
import type { TableLoad } from "../spark/silverPhase";

export interface FrameworkLoad {
  seconds: number;
  rows: number;
  dataBytes: number;
  dataFiles: number;
  metadataBytes: number;
  tables: Record<string, TableLoad>;
}

export interface QueryCell {
  status: "completed" | "failed";
  error?: string;
  statistics?: RunStatistics;
  rows?: number;
  hash?: string;
  answer: AnswerCheck;
}

export interface QueryRow {
  name: string;
  byFramework: Partial<Record<Framework, QueryCell>>;
  /** Same answer hash on every format that answered. */
  sameAcrossFormats: boolean;
}

export interface FrameworkTotals {
  sumOfMedians: number;
  geometricMeanOfMedians: number | null;
  passed: number;
  failed: string[];
  mismatched: string[];
}

/** The runs whose phases took a format's figures (a later run reuses phases it found up to date). */
export interface MeasuredIn {
  load?: string;
  queries?: string;
}

export interface ReportModel {
  schemaVersion: 1;
  benchmarkId: string;
  createdAt: string;
  scaleFactor: number;
  frameworks: Framework[];
  /** True when formats were timed at the same time on shared resources. */
  concurrentTimings: boolean;
  warmupRuns: number;
  iterations: number;
  oracle: string;
  versions: Record<string, string>;
  machine: Record<string, unknown>;
  config: Record<string, unknown>;
  bronze: { generatorVersion: string; seconds: number; rows: number; bytes: number; tables: Record<string, TableFiles> };
  load: Partial<Record<Framework, FrameworkLoad>>;
  /** Absent in reports written before it was recorded. */
  measuredIn?: Partial<Record<Framework, MeasuredIn>>;
  queries: QueryRow[];
  totals: Partial<Record<Framework, FrameworkTotals>>;
  problems: string[];
}
