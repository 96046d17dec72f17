/** Pure builder for tpchgen-cli: all eight TPC-H tables as Parquet, one subdirectory per table. */
import type { Toolchain } from "../environment/toolchain";
import type { Command } from "./command";

export interface TpchgenRequest {
  scaleFactor: number;
  outputDir: string;
  parts: number;
}

/** One file per table per started unit of scale, so large tables split into parallel reads. */
export const partsFor = (scaleFactor: number): number => Math.max(1, Math.ceil(scaleFactor));

export function tpchgenCommand(request: TpchgenRequest, toolchain: Toolchain): Command {
  return {
    file: toolchain.bin("tpchgen-cli"),
    args: [
      "parquet",
      "--scale-factor", String(request.scaleFactor),
      "--output-dir", request.outputDir,
      // --parts always, so every table gets its own directory, even at one part.
      "--parts", String(request.parts),
      "--compression", "SNAPPY",
      "--no-progress",
    ],
  };
}

export function tpchgenVersionCommand(toolchain: Toolchain): Command {
  return { file: toolchain.bin("tpchgen-cli"), args: ["--version"] };
}
