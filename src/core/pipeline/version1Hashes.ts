/**
 * A phase migrated from a version-1 state keeps the config hash version 1 gave it: other
 * settings, other phase names. This is version 1's formula, frozen (as the landed pipeline
 * computed it before targets), so that a migrated phase whose settings did not change is
 * still up to date after the upgrade instead of being loaded or measured again.
 */
import type { BenchConfig } from "../config/benchConfig";
import type { FormatId } from "../config/keys";
import { hashOf } from "../phase/hashing";
import type { PhaseState } from "../state/schema";

const V1_PHASE = /^(silver|gold)_(iceberg|delta|hudi|parquet)$/;

/** Whether `state`'s version-1 hash matches what version 1 would compute for this config and these inputs. */
export function matchesVersion1Hash(state: PhaseState, format: FormatId | undefined, config: BenchConfig, inputs: [string, PhaseState][]): boolean {
  const match = state.migratedFrom && V1_PHASE.exec(state.migratedFrom.phase);
  if (!match || !state.configHash || !format) return false;
  const [, kind, framework] = match;
  // Version 1 did not hash QUERY_ITERATIONS=auto: whether the old runs were automatic is not known.
  if (kind === "gold" && config.autoIterations) return false;
  const { master, driverMemory, executorMemory, executorCores, shufflePartitions } = config.spark;
  const spark = { master, driverMemory, executorMemory, executorCores, shufflePartitions };
  const settings =
    kind === "silver"
      ? { framework, codec: config.parquetCodec, options: version1Options(framework, format, config), spark }
      : { queries: config.queries, warmupRuns: config.warmupRuns, iterations: config.iterations, spark };
  // An input that ran since the migration has no version-1 name: the hash then differs, rightly.
  const v1Inputs = inputs.map(([name, input]) => [input.migratedFrom?.phase ?? name, input.status, input.finishedAt, input.configHash]);
  return hashOf({ settings, inputs: v1Inputs }) === state.configHash;
}

/** Version 1's job options; its Hudi table type was a setting and is a variant now. */
function version1Options(framework: string, format: FormatId, config: BenchConfig): Record<string, string> {
  switch (framework) {
    case "iceberg":
      return { format_version: config.iceberg.formatVersion };
    case "delta":
      return { checkpoint_interval: String(config.delta.checkpointInterval) };
    case "hudi":
      return { table_type: format === "hudi-mor" ? "MERGE_ON_READ" : "COPY_ON_WRITE" };
    default:
      return {};
  }
}
