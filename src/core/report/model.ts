/**
 * The report model: everything a report shows, gathered from the phases' outputs. It is
 * written as summary.json (version 2: keyed by target) and rendered as Markdown, HTML and
 * the VS Code panel. Version 1 files (keyed by framework) are read through summaryVersions.ts.
 */
import type { AnswerCheck } from "../answers/compare";
import type { FormatId } from "../config/keys";
import type { TableFiles } from "../datagen/manifest";
import type { EngineSetting, TableLoad } from "../engines/outputs";
import type { MedianInterval } from "../metrics/medianInterval";
import type { QuerySpread } from "../metrics/querySpread";
import type { RunStatistics } from "../metrics/statistics";
import type { Verdict } from "../metrics/verdict";
import type { EngineId, TargetId } from "../phase/targets";
import type { LifecycleSummary } from "./lifecycleSummary";
import type { QphhSummary } from "./qphhSummary";

export type { QphhQueryTime, QphhRefreshPair, QphhStreamTimes, QphhSummary, QphhTableStorage, RefreshTimes } from "./qphhSummary";

/** What the report needs to name and draw a target without the format descriptors. */
export interface ReportTarget {
  id: TargetId;
  engine: EngineId;
  format: FormatId;
  /** "Iceberg MOR", or "Iceberg MOR on DuckDB" once targets differ in engine. */
  label: string;
  colour: string;
}

export interface TargetLoad {
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
  byTarget: Partial<Record<TargetId, QueryCell>>;
  /** Same answer hash on every format that answered. */
  sameAcrossFormats: boolean;
  /** Whether the runs are steady enough to rank the formats on this query (absent in older reports). */
  spread?: QuerySpread;
}

export interface TargetTotals {
  sumOfMedians: number;
  geometricMeanOfMedians: number | null;
  passed: number;
  failed: string[];
  mismatched: string[];
}

/** The runs whose phases took a target's figures (a later run reuses phases it found up to date). */
export interface MeasuredIn {
  load?: string;
  queries?: string;
  /** The power and throughput test (workload tpch-qphh). */
  qphh?: string;
  /** The rounds of change (workload lifecycle). */
  lifecycle?: string;
}

export interface ReportModel {
  schemaVersion: 2;
  benchmarkId: string;
  createdAt: string;
  scaleFactor: number;
  /** The workload whose steps produced the figures (tpch-read before workloads existed). */
  workload: string;
  /** In the configured order: every keyed map below uses these ids. */
  targets: ReportTarget[];
  /** True when targets were timed at the same time on shared resources. */
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
  load: Partial<Record<TargetId, TargetLoad>>;
  /** Absent in reports written before it was recorded. */
  measuredIn?: Partial<Record<TargetId, MeasuredIn>>;
  queries: QueryRow[];
  totals: Partial<Record<TargetId, TargetTotals>>;
  problems: string[];
  /** The engine settings every target shared, and each target's own with why (absent in older reports). */
  settings?: { common: EngineSetting[]; byTarget: Partial<Record<TargetId, EngineSetting[]>> };
  /** Targets ranked on load, query time and storage; absent in reports written before it existed. */
  verdict?: Verdict;
  /** The power and throughput test of each target that ran one (workload tpch-qphh); absent otherwise. */
  qphh?: Partial<Record<TargetId, QphhSummary>>;
  /** The lifecycle step of each target that ran one (workload lifecycle); absent otherwise. */
  lifecycle?: Partial<Record<TargetId, LifecycleSummary>>;
}
