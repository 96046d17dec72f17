/** Delta Lake: without and with deletion vectors. */
import { z } from "zod";
import type { BenchConfig } from "../config/benchConfig";
import type { FormatDescriptor } from "./descriptor";

const optionsSchema = z.object({ checkpoint_interval: z.string().regex(/^\d+$/) }).strict();
const options = (config: BenchConfig) => ({ checkpoint_interval: String(config.delta.checkpointInterval) });

export const delta: FormatDescriptor = {
  id: "delta",
  family: "delta",
  label: "Delta Lake",
  colour: "#E69F00",
  isolatesReaders: true,
  summary: "Delta Lake without deletion vectors: a delete or update rewrites the files it touches",
  options,
  optionsSchema,
};

export const deltaDeletionVectors: FormatDescriptor = {
  id: "delta-dv",
  family: "delta",
  label: "Delta DV",
  colour: "#D55E00",
  isolatesReaders: true,
  summary: "Delta Lake with deletion vectors (delta.enableDeletionVectors): deleted rows are marked, not rewritten",
  options,
  optionsSchema,
};
