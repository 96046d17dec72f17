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
    const file = path.join(dirs.make(), "logs", "lb-1", "gold_iceberg.log");
    const lines: string[] = [];
    const tail = new PhaseLogTail((phase, line) => lines.push(`${phase}|${line}`));
    tail.start("gold_iceberg", file); // before the file exists, as when a phase starts
    appendFileSync(file, "$ spark-submit\nSpark 3.5");
    expect(await until(() => lines.length === 1)).toBe(true);
    appendFileSync(file, ".9 started\nq01 done\nno newline yet");
    expect(await until(() => lines.length === 3)).toBe(true);
    await tail.stop("gold_iceberg");
    expect(lines).toEqual(["gold_iceberg|$ spark-submit", "gold_iceberg|Spark 3.5.9 started", "gold_iceberg|q01 done", "gold_iceberg|no newline yet"]);
  });
});
