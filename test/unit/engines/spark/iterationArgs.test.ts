/** The query job's run-count arguments. */
import { describe, expect, it } from "vitest";
import { iterationArgs } from "../../../../src/core/engines/spark/iterationArgs";
import { benchConfig } from "../../helpers/fixtures";

describe("iterationArgs", () => {
  it("passes a fixed count as --iterations alone", () => {
    expect(iterationArgs(benchConfig({ iterations: 5 }))).toEqual(["--iterations", "5"]);
  });

  it("passes QUERY_ITERATIONS=auto as the minimum, the mode, the cap and the target width", () => {
    const config = benchConfig({ iterations: 3, autoIterations: { maxIterations: 20, targetRelativeHalfWidth: 0.1 } });
    expect(iterationArgs(config)).toEqual(["--iterations", "3", "--iteration-mode", "auto", "--max-iterations", "20", "--target-relative-half-width", "0.1"]);
  });
});
