import path from "node:path";
import { describe, expect, it } from "vitest";
import { SPARK_JOBS_DIR, Toolchain } from "../../../src/core/environment/toolchain";
import { pythonJobCommand } from "../../../src/core/runners/pythonJob";
import { partsFor, tpchgenCommand, tpchgenVersionCommand } from "../../../src/core/runners/tpchgen";

const toolchain = new Toolchain("/tmp/x");

/** The value right after a flag, and that the flag appears exactly once. */
function valueOf(args: string[], flag: string): string {
  expect(args.filter((a) => a === flag), flag).toHaveLength(1);
  return args[args.indexOf(flag) + 1];
}

describe("pythonJobCommand", () => {
  it("runs a spark-jobs script with the venv's Python and the given arguments", () => {
    const command = pythonJobCommand("oracle/duckdb_answers.py", ["--queries", "1,2", "--output", "/o/a b.json"], toolchain);
    expect(command).toEqual({
      file: "/tmp/x/venv/bin/python",
      args: [path.join(SPARK_JOBS_DIR, "oracle/duckdb_answers.py"), "--queries", "1,2", "--output", "/o/a b.json"],
    });
  });

  it("points at a script that exists in the repository", async () => {
    const { existsSync } = await import("node:fs");
    expect(existsSync(pythonJobCommand("oracle/duckdb_answers.py", [], toolchain).args[0])).toBe(true);
  });
});

describe("tpchgenCommand", () => {
  it("runs the venv's tpchgen-cli to write Parquet with --scale-factor, --output-dir and --parts", () => {
    const command = tpchgenCommand({ scaleFactor: 0.01, outputDir: "/data/bronze/tpch/sf0.01", parts: 1 }, toolchain);
    expect(command.file).toBe("/tmp/x/venv/bin/tpchgen-cli");
    expect(command.args[0]).toBe("parquet");
    expect(valueOf(command.args, "--scale-factor")).toBe("0.01");
    expect(valueOf(command.args, "--output-dir")).toBe("/data/bronze/tpch/sf0.01");
    expect(valueOf(command.args, "--parts")).toBe("1");
    expect(command.args).toContain("--no-progress");
  });

  it("passes the number of parts it is given", () => {
    expect(valueOf(tpchgenCommand({ scaleFactor: 10, outputDir: "/o", parts: 10 }, toolchain).args, "--parts")).toBe("10");
  });

  it("asks for the version with --version", () => {
    expect(tpchgenVersionCommand(toolchain)).toEqual({ file: "/tmp/x/venv/bin/tpchgen-cli", args: ["--version"] });
  });
});

describe("partsFor", () => {
  it("is one part per started unit of scale, and at least one", () => {
    expect(partsFor(0.01)).toBe(1);
    expect(partsFor(1)).toBe(1);
    expect(partsFor(1.5)).toBe(2);
    expect(partsFor(10)).toBe(10);
  });
});
