/** The per-format settings passed to the Spark jobs as --option key=value. */
import type { BenchConfig } from "../config/benchConfig";
import type { Framework } from "../config/keys";

export function formatOptions(framework: Framework, config: BenchConfig): Record<string, string> {
  switch (framework) {
    case "iceberg":
      return { format_version: config.iceberg.formatVersion };
    case "delta":
      return { checkpoint_interval: String(config.delta.checkpointInterval) };
    case "hudi":
      return { table_type: config.hudi.tableType };
    case "parquet":
      return {};
  }
}

export const optionArgs = (options: Record<string, string>): string[] =>
  Object.entries(options).flatMap(([key, value]) => ["--option", `${key}=${value}`]);
