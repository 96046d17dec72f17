/**
 * A fake toolchain for pipeline tests: `python`, `spark-submit` and `tpchgen-cli` in a temp
 * cache directory are one small bash script that writes the files the real jobs write, so
 * the orchestration runs end to end without Spark, DuckDB or tpchgen (bash, because a
 * pipeline run starts about ten of them). A control.sh beside them, written by
 * setControl, makes them fail, answer wrongly, hang, take their time or wait for each other.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FormatId } from "../../../src/core/config/keys";
import { readJarList } from "../../../src/core/environment/toolchain";

export interface FakeControl {
  failBronze?: boolean;
  failSilver?: FormatId[];
  /** Queries (like "q02") answered wrongly per format. */
  wrongAnswers?: Partial<Record<FormatId, string[]>>;
  /** Gold on these formats writes a partial output file, then never finishes (until killed). */
  hangGold?: FormatId[];
  /** Each silver conversion takes this long, and logs when it starts and ends (timeline.log). */
  slowSilverMs?: number;
  /** Silver on these formats finishes only once all of them are converting at once (failing after 20 s). */
  meetSilver?: FormatId[];
}

/** The one script behind all three tools; it dispatches on the name it was started by. */
const SCRIPT = readFileSync(path.join(__dirname, "fakeTool.sh"), "utf8");

export interface FakeToolchain {
  cacheDir: string;
  setControl(control: FakeControl): void;
  /** Command lines the fakes were started with, one per call. */
  calls(): string[];
  /** Start and end times (ms) of each format's slow (or meeting) silver conversion. */
  timeline(): Record<string, { start: number; end: number }>;
}

const words = (values: readonly string[] | undefined) => JSON.stringify((values ?? []).join(" "));

export function installFakeToolchain(cacheDir: string): FakeToolchain {
  const bin = path.join(cacheDir, "venv", "bin");
  mkdirSync(bin, { recursive: true });
  for (const tool of ["python", "spark-submit", "tpchgen-cli"]) {
    writeFileSync(path.join(bin, tool), SCRIPT);
    chmodSync(path.join(bin, tool), 0o755);
  }
  mkdirSync(path.join(cacheDir, "jars"), { recursive: true });
  for (const jar of readJarList()) writeFileSync(path.join(cacheDir, "jars", jar.fileName), "");
  return {
    cacheDir,
    setControl: (control) => {
      const lines = [
        `FAIL_BRONZE=${control.failBronze ? "1" : '""'}`,
        `FAIL_SILVER=${words(control.failSilver)}`,
        `HANG_GOLD=${words(control.hangGold)}`,
        `SLOW_SILVER=${control.slowSilverMs ? String(control.slowSilverMs / 1000) : '""'}`,
        `MEET_SILVER=${words(control.meetSilver)}`,
        // A shell variable name has no dashes: WRONG_iceberg_mor (fakeTool.sh reads it so).
        ...Object.entries(control.wrongAnswers ?? {}).map(([format, queries]) => `WRONG_${format.replace(/-/g, "_")}=${words(queries)}`),
      ];
      writeFileSync(path.join(cacheDir, "control.sh"), lines.join("\n") + "\n");
    },
    calls: () => {
      const file = path.join(cacheDir, "calls.log");
      return existsSync(file) ? readFileSync(file, "utf8").trim().split("\n") : [];
    },
    timeline: () => {
      const file = path.join(cacheDir, "timeline.log");
      const spans: Record<string, { start: number; end: number }> = {};
      if (!existsSync(file)) return spans;
      for (const line of readFileSync(file, "utf8").trim().split("\n")) {
        const [format, edge, at] = line.split(" ");
        spans[format] = { ...spans[format], [edge]: Number(at) } as { start: number; end: number };
      }
      return spans;
    },
  };
}
