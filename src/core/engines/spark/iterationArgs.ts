/** The query job's run-count arguments: a fixed count, or (QUERY_ITERATIONS=auto) a minimum, a cap and a target width. */
import type { BenchConfig } from "../../config/benchConfig";

export function iterationArgs(config: Pick<BenchConfig, "iterations" | "autoIterations">): string[] {
  const fixed = ["--iterations", String(config.iterations)];
  const auto = config.autoIterations;
  if (!auto) return fixed;
  return [...fixed, "--iteration-mode", "auto", "--max-iterations", String(auto.maxIterations), "--target-relative-half-width", String(auto.targetRelativeHalfWidth)];
}
