import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FORMAT_IDS } from "../../../src/core";
import { buildProgram, main } from "../../../src/cli/main";
import { printSummary } from "../../../src/cli/printer";
import { tempDirs } from "../helpers/fixtures";

const dirs = tempDirs();
afterEach(() => {
  vi.restoreAllMocks();
  dirs.cleanup();
});

/** What the command printed with console.log, one entry a line. */
function captureLog(): string[] {
  const out: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...line: unknown[]) => void out.push(line.join(" ")));
  return out;
}

describe("the lakebench command", () => {
  it("lists every format variant in the help of --frameworks, on each run command", () => {
    const program = buildProgram(() => undefined);
    for (const name of ["run", "bronze", "silver", "gold", "report"]) {
      const option = program.commands.find((c) => c.name() === name)!.options.find((o) => o.long === "--frameworks")!;
      expect(option.description, name).toContain(FORMAT_IDS.join(","));
    }
    expect(FORMAT_IDS).toEqual(["iceberg", "iceberg-mor", "delta", "delta-dv", "hudi", "hudi-mor", "parquet"]);
  });

  it("status shows the phase ids of a version 1 state file as migrated, in one column, leaving the file as it was", async () => {
    const workspace = dirs.make();
    const stateFile = path.join(workspace, ".lakebench", "state.json");
    mkdirSync(path.dirname(stateFile), { recursive: true });
    copyFileSync(path.resolve(__dirname, "../../fixtures/v1/state.json"), stateFile);
    const before = readFileSync(stateFile, "utf8");
    const out = captureLog();
    expect(await main(["node", "lakebench", "status", "--workspace", workspace])).toBe(0);
    const rows = out.filter((line) => line.startsWith("  "));
    expect(rows.map((line) => line.trim().split(/\s+/)[0])).toEqual([
      "bronze",
      "load@spark.iceberg",
      "load@spark.parquet",
      "queries@spark.iceberg",
      "queries@spark.parquet",
      "report",
    ]);
    // The status column starts at the same place on every row, past the longest id.
    const statusAt = rows.map((line) => line.indexOf("completed"));
    expect(new Set(statusAt).size).toBe(1);
    expect(statusAt[0]).toBeGreaterThan("  queries@spark.parquet".length);
    expect(readFileSync(stateFile, "utf8")).toBe(before);
  });

  it("prints the end-of-run summary in one column however long the phase ids are", () => {
    const out = captureLog();
    printSummary({ benchmarkId: "lb-1", status: "completed", phases: { bronze: "skipped", "queries@spark.iceberg-mor": "executed", report: "executed" }, failures: [] });
    const rows = out.flatMap((line) => line.split("\n")).filter((line) => line.startsWith("  "));
    expect(rows).toHaveLength(3);
    const outcomeAt = rows.map((line) => line.search(/(skipped|executed)$/));
    expect(new Set(outcomeAt).size).toBe(1);
    expect(rows[1]).toMatch(/queries@spark\.iceberg-mor executed$/);
  });
});
