/**
 * What the TypeScript side knows of a format variant: how to name and draw it, which jars
 * its jobs need and which run settings reach its jobs. How it writes, reads and measures a
 * table is the Python descriptor's business (spark-jobs/formats/<family>.py).
 */
import { z } from "zod";
import type { BenchConfig } from "../config/benchConfig";
import type { FormatId } from "../config/keys";

/** The table format a variant belongs to: its jars (jars.txt's first column) and its Python module. */
export type FormatFamily = "iceberg" | "delta" | "hudi" | "parquet";

export interface FormatDescriptor {
  id: FormatId;
  family: FormatFamily;
  label: string;
  /** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
  colour: string;
  /** One line: what this variant sets and why someone would compare it. */
  summary: string;
  /**
   * Whether a reader sees each change whole (snapshot isolation). False for plain Parquet: a
   * query that overlaps a rewrite may fail or read part of it, which the power and
   * throughput test reports instead of counting as a wrong answer of the format.
   */
  isolatesReaders: boolean;
  /** The run settings its jobs get as `--option key=value`, checked against optionsSchema. */
  options(config: BenchConfig): Record<string, string>;
  optionsSchema: z.ZodType<Record<string, string>>;
}

export const noOptions = z.object({}).strict();
