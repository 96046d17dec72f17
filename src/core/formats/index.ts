/** Every format variant's descriptor, by id: the Record type makes a missing one a compile error. */
import type { BenchConfig } from "../config/benchConfig";
import type { FormatId } from "../config/keys";
import { delta, deltaDeletionVectors } from "./delta";
import type { FormatDescriptor, FormatFamily } from "./descriptor";
import { hudi, hudiMergeOnRead } from "./hudi";
import { iceberg, icebergMergeOnRead } from "./iceberg";
import { parquet } from "./parquet";

export type { FormatDescriptor, FormatFamily };

export const FORMATS: Readonly<Record<FormatId, FormatDescriptor>> = {
  iceberg,
  "iceberg-mor": icebergMergeOnRead,
  delta,
  "delta-dv": deltaDeletionVectors,
  hudi,
  "hudi-mor": hudiMergeOnRead,
  parquet,
};

export const formatOf = (id: FormatId): FormatDescriptor => FORMATS[id];

/** The job options of a format for this run, checked by its own schema before they reach a job. */
export function formatOptions(id: FormatId, config: BenchConfig): Record<string, string> {
  const descriptor = FORMATS[id];
  return descriptor.optionsSchema.parse(descriptor.options(config));
}

export const optionArgs = (options: Record<string, string>): string[] =>
  Object.entries(options).flatMap(([key, value]) => ["--option", `${key}=${value}`]);
