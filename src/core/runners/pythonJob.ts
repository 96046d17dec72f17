/** A script of spark-jobs/ run by the venv's Python, outside Spark (the DuckDB oracle, bronze inspection). */
import path from "node:path";
import { SPARK_JOBS_DIR, type Toolchain } from "../environment/toolchain";
import type { Command } from "./command";

export function pythonJobCommand(script: string, args: string[], toolchain: Toolchain): Command {
  return { file: toolchain.bin("python"), args: [path.join(SPARK_JOBS_DIR, script), ...args] };
}
