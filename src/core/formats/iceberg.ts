/** Apache Iceberg: copy-on-write (Iceberg's default write modes) and merge-on-read. */
import { z } from "zod";
import type { BenchConfig } from "../config/benchConfig";
import type { FormatDescriptor } from "./descriptor";

const optionsSchema = z.object({ format_version: z.enum(["1", "2"]) }).strict();
const options = (config: BenchConfig) => ({ format_version: config.iceberg.formatVersion });

export const iceberg: FormatDescriptor = {
  id: "iceberg",
  family: "iceberg",
  label: "Iceberg",
  colour: "#0072B2",
  isolatesReaders: true,
  summary: "Apache Iceberg, copy-on-write: a row-level change rewrites the data files it touches",
  options,
  optionsSchema,
};

export const icebergMergeOnRead: FormatDescriptor = {
  id: "iceberg-mor",
  family: "iceberg",
  label: "Iceberg MOR",
  colour: "#56B4E9",
  isolatesReaders: true,
  summary: "Apache Iceberg, merge-on-read (write.delete/update/merge.mode): a change writes delete files, reads merge them",
  options,
  optionsSchema,
};
