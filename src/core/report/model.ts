/**
 * The report model: everything a report shows, gathered from the phases' outputs. It is
 * written as summary.json and rendered as Markdown, HTML and (later) the VS Code panel.
 */
import type { AnswerCheck } from "../answers/compare";
import type { Framework } from "../config/keys";
import type { TableFiles } from "../datagen/manifest";
import type { MedianInterval } from "../metrics/medianInterval";
import type { QuerySpread } from "../metrics/querySpread";
import type { RunStatistics } from "../metrics/statistics";
import type { Verdict } from "../metrics/verdict";
import type { EngineSetting } from "../spark/goldJobOutput";
import type { TableLoad } from "../spark/silverPhase";

export interface FrameworkLoad {
  seconds: number;
  rows: number;
  dataBytes: number;
  dataFiles: number;
  metadataBytes: number;
  tables: Record<string, TableLoad>;
  /** Spark start-up warm-up before the first table, not charged to any table (absent in older reports). */
  warmupSeconds?: number;
}

export interface QueryCell {
  status: "completed" | "failed";
  error?: string;
  statistics?: RunStatistics;
  /** The timed runs the statistics summarize; the verdict's bootstrap resamples them (absent in older reports). */
  seconds?: number[];
  /** Distribution-free 95 % interval of the median ([min, max] with its lower coverage below 6 runs). */
  medianInterval?: MedianInterval;
  /** Median of the runs' planning seconds (parse, analysis, optimisation, metadata reads), and of the rest. */
  planningMedian?: number;
  executionMedian?: number;
  /** How the run count ended with QUERY_ITERATIONS=auto. */
  stoppedBy?: "width" | "cap" | "fixed";
  rows?: number;
  hash?: string;
  answer: AnswerCheck;
}

export interface QueryRow {
  name: string;
  byFramework: Partial<Record<Framework, QueryCell>>;
  /** Same answer hash on every format that answered. */
  sameAcrossFormats: boolean;
  /** Whether the runs are steady enough to rank the formats on this query (absent in older reports). */
  spread?: QuerySpread;
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
  /** "auto": each query repeated until its median's interval was narrow enough, up to a cap. */
  iterationMode?: "fixed" | "auto";
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
  /** The engine settings every format shared, and each format's own with why (absent in older reports). */
  settings?: { common: EngineSetting[]; byFramework: Partial<Record<Framework, EngineSetting[]>> };
  /** Formats ranked on load, query time and storage; absent in reports written before it existed. */
  verdict?: Verdict;
}
