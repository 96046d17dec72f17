import { appendFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PhaseLogTail } from "../../../src/extension/run/logTail";
import { until } from "../helpers/async";
import { tempDirs } from "../helpers/fixtures";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());


describe("following a phase's log", () => {
  it("passes on each line as the file grows, and the last partial line when stopped", async () => {
    const file = path.join(dirs.make(), "logs", "lb-1", "queries@spark.iceberg.log");
    const lines: string[] = [];
    const tail = new PhaseLogTail((phase, line) => lines.push(`${phase}|${line}`));
    tail.start("queries@spark.iceberg", file); // before the file exists, as when a phase starts
    appendFileSync(file, "$ spark-submit\nSpark 3.5");
    expect(await until(() => lines.length === 1)).toBe(true);
    appendFileSync(file, ".9 started\nq01 done\nno newline yet");
    expect(await until(() => lines.length === 3)).toBe(true);
    await tail.stop("queries@spark.iceberg");
    expect(lines).toEqual(["queries@spark.iceberg|$ spark-submit", "queries@spark.iceberg|Spark 3.5.9 started", "queries@spark.iceberg|q01 done", "queries@spark.iceberg|no newline yet"]);
  });
});
