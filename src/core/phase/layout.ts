/**
 * Where every phase reads and writes, under the data directory and the workspace. A
 * format's tables are written once (silver/<format>/); figures are kept per target.
 * The extension asks this class for paths instead of rebuilding them.
 */
import path from "node:path";
import type { BenchConfig } from "../config/benchConfig";
import type { FormatId } from "../config/keys";
import { STATE_DIR } from "../state/store";
import type { Target } from "./targets";

/** Under DATA_DIR: the Spark secret's properties file, readable by its owner only. */
export const PRIVATE_DIR = ".lakebench-private";

/** 0.01 -> "0.01"; used in directory names. */
export const scaleLabel = (scaleFactor: number): string => String(scaleFactor);

export const REPORT_FILES = { html: "report.html", markdown: "report.md", summary: "summary.json" } as const;

/** The files a query step writes for one target in a run's metrics directory. */
export interface QueryFiles {
  raw: string;
  answers: string;
  metrics: string;
}

export class DataLayout {
  constructor(private readonly config: Pick<BenchConfig, "dataDir" | "scaleFactor">, private readonly workspace: string) {}

  /** The only trees a run deletes in (see ownedPaths.ts): DATA_DIR and the workspace's .lakebench/. */
  get ownedRoots(): string[] {
    return [this.config.dataDir, path.join(this.workspace, STATE_DIR)];
  }

  /** Files for the user only (the Spark secret's properties file). */
  get privateDir(): string {
    return path.join(this.config.dataDir, PRIVATE_DIR);
  }

  get bronzeDir(): string {
    return path.join(this.config.dataDir, "bronze", "tpch", `sf${scaleLabel(this.config.scaleFactor)}`);
  }

  get bronzeManifest(): string {
    return path.join(this.bronzeDir, "_metadata", "manifest.json");
  }

  /** The TPC-H refresh sets, under the bronze tree: regenerating bronze removes them too. */
  get refreshDir(): string {
    return path.join(this.bronzeDir, "refresh");
  }

  get refreshManifest(): string {
    return path.join(this.refreshDir, "manifest.json");
  }

  silverRoot(format: FormatId): string {
    return path.join(this.config.dataDir, "silver", format);
  }

  /** A valid SQL identifier: Iceberg uses it as the namespace. */
  get namespace(): string {
    return `tpch_sf${scaleLabel(this.config.scaleFactor).replace(".", "_")}`;
  }

  silverTablesDir(format: FormatId): string {
    return path.join(this.silverRoot(format), this.namespace);
  }

  silverLoadResult(format: FormatId): string {
    return path.join(this.silverRoot(format), `${this.namespace}.load.json`);
  }

  metricsDir(benchmarkId: string): string {
    return path.join(this.config.dataDir, "gold", "metrics", benchmarkId);
  }

  queryFiles(benchmarkId: string, target: Target): QueryFiles {
    const dir = this.metricsDir(benchmarkId);
    return {
      raw: path.join(dir, `${target.id}.raw.json`),
      answers: path.join(dir, `${target.id}.answers.json`),
      metrics: path.join(dir, `${target.id}.json`),
    };
  }

  summaryFile(benchmarkId: string): string {
    return path.join(this.metricsDir(benchmarkId), REPORT_FILES.summary);
  }

  reportDir(benchmarkId: string): string {
    return path.join(this.config.dataDir, "gold", "reports", benchmarkId);
  }

  oracleAnswers(key: string): string {
    return path.join(this.config.dataDir, "gold", "oracle", `sf${scaleLabel(this.config.scaleFactor)}`, `${key}.json`);
  }

  /** A run's working copies of the tables a changing step changes (never the silver tables themselves). */
  workRoot(benchmarkId: string, format: FormatId): string {
    return path.join(this.config.dataDir, "work", benchmarkId, format);
  }

  /**
   * The lifecycle's copy of a format's changed tables and its checkpoint: one per format, not
   * per run, so a run after an interrupted one can go on from it (phases/lifecycleCheckpoint.ts).
   */
  lifecycleWorkRoot(format: FormatId): string {
    return path.join(this.config.dataDir, "work", "lifecycle", format);
  }

  /** The files the power and throughput test writes for one target in a run's metrics directory. */
  qphhFiles(benchmarkId: string, target: Target): QueryFiles {
    return this.changingStepFiles(benchmarkId, target, "qphh");
  }

  /** The files the lifecycle step writes for one target in a run's metrics directory. */
  lifecycleFiles(benchmarkId: string, target: Target): QueryFiles {
    return this.changingStepFiles(benchmarkId, target, "lifecycle");
  }

  private changingStepFiles(benchmarkId: string, target: Target, step: string): QueryFiles {
    const dir = this.metricsDir(benchmarkId);
    return {
      raw: path.join(dir, `${target.id}.${step}.raw.json`),
      answers: path.join(dir, `${target.id}.${step}.answers.json`),
      metrics: path.join(dir, `${target.id}.${step}.json`),
    };
  }

  logFile(benchmarkId: string, phase: string): string {
    return path.join(this.workspace, STATE_DIR, "logs", benchmarkId, `${phase}.log`);
  }
}

/**
 * A report's files from its directory alone (<data>/gold/reports/<id>/, its summary in
 * <data>/gold/metrics/<id>/): what a run record points at, whatever DATA_DIR is now.
 */
export function reportFilesOf(reportDir: string): { html: string; markdown: string; summary: string } {
  const id = path.basename(reportDir);
  return {
    html: path.join(reportDir, REPORT_FILES.html),
    markdown: path.join(reportDir, REPORT_FILES.markdown),
    summary: path.join(path.dirname(path.dirname(reportDir)), "metrics", id, REPORT_FILES.summary),
  };
}
