import { appendFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PhaseLogTail } from "../../../src/extension/run/logTail";
import { tempDirs } from "../helpers/fixtures";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe("following a phase's log", () => {
  it("passes on each line as the file grows, and the last partial line when stopped", async () => {
    const file = path.join(dirs.make(), "logs", "lb-1", "gold_iceberg.log");
    const lines: string[] = [];
    const tail = new PhaseLogTail((phase, line) => lines.push(`${phase}|${line}`));
    tail.start("gold_iceberg", file); // before the file exists, as when a phase starts
    appendFileSync(file, "$ spark-submit\nSpark 3.5");
    await until(() => lines.length === 1);
    appendFileSync(file, ".9 started\nq01 done\nno newline yet");
    await until(() => lines.length === 3);
    await tail.stop("gold_iceberg");
    expect(lines).toEqual(["gold_iceberg|$ spark-submit", "gold_iceberg|Spark 3.5.9 started", "gold_iceberg|q01 done", "gold_iceberg|no newline yet"]);
  });
});
