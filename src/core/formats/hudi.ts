/** Apache Hudi: copy-on-write and merge-on-read tables (both loaded with bulk_insert). */
import { noOptions, type FormatDescriptor } from "./descriptor";

export const hudi: FormatDescriptor = {
  id: "hudi",
  family: "hudi",
  label: "Hudi",
  colour: "#009E73",
  isolatesReaders: true,
  summary: "Apache Hudi, COPY_ON_WRITE: an upsert rewrites the base files it touches",
  options: () => ({}),
  optionsSchema: noOptions,
};

export const hudiMergeOnRead: FormatDescriptor = {
  id: "hudi-mor",
  family: "hudi",
  label: "Hudi MOR",
  colour: "#CC79A7",
  isolatesReaders: true,
  summary: "Apache Hudi, MERGE_ON_READ: an upsert appends log files that reads merge until compaction",
  options: () => ({}),
  optionsSchema: noOptions,
};
