/** Where every phase reads and writes, under the data directory and the workspace. */
import path from "node:path";
import type { BenchConfig } from "../config/benchConfig";
import type { Framework } from "../config/keys";
import { STATE_DIR } from "../state/store";

/** Under DATA_DIR: the Spark secret's properties file, readable by its owner only. */
export const PRIVATE_DIR = ".lakebench-private";

/** 0.01 -> "0.01"; used in directory names. */
export const scaleLabel = (scaleFactor: number): string => String(scaleFactor);

export class DataLayout {
  constructor(private readonly config: BenchConfig, private readonly workspace: string) {}

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

  silverRoot(framework: Framework): string {
    return path.join(this.config.dataDir, "silver", framework);
  }

  /** A valid SQL identifier: Iceberg uses it as the namespace. */
  get namespace(): string {
    return `tpch_sf${scaleLabel(this.config.scaleFactor).replace(".", "_")}`;
  }

  silverTablesDir(framework: Framework): string {
    return path.join(this.silverRoot(framework), this.namespace);
  }

  silverLoadResult(framework: Framework): string {
    return path.join(this.silverRoot(framework), `${this.namespace}.load.json`);
  }

  metricsDir(benchmarkId: string): string {
    return path.join(this.config.dataDir, "gold", "metrics", benchmarkId);
  }

  reportDir(benchmarkId: string): string {
    return path.join(this.config.dataDir, "gold", "reports", benchmarkId);
  }

  oracleAnswers(key: string): string {
    return path.join(this.config.dataDir, "gold", "oracle", `sf${scaleLabel(this.config.scaleFactor)}`, `${key}.json`);
  }

  logFile(benchmarkId: string, phase: string): string {
    return path.join(this.workspace, STATE_DIR, "logs", benchmarkId, `${phase}.log`);
  }
}
