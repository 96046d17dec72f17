/** Plain Parquet files: the baseline without a table format's metadata or transactions. */
import { noOptions, type FormatDescriptor } from "./descriptor";

export const parquet: FormatDescriptor = {
  id: "parquet",
  family: "parquet",
  label: "Parquet",
  colour: "#7F7F7F",
  isolatesReaders: false,
  summary: "plain Parquet files: the baseline, no table format",
  options: () => ({}),
  optionsSchema: noOptions,
};
