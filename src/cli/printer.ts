/** Progress lines and the end-of-run summary, as the CLI prints them. */
import type { PipelineOutcome, ProgressEvent } from "../core";

const time = () => new Date().toISOString().slice(11, 19);
const MARKS = { executed: "✔", skipped: "↷", failed: "✖", cancelled: "■", blocked: "…" } as const;

export function printProgress(event: ProgressEvent): void {
  switch (event.type) {
    case "phase-start":
      console.log(`[${time()}] ▶ ${event.phase}`);
      break;
    case "message":
      console.log(`[${time()}]   ${event.message}`);
      break;
    case "phase-end": {
      const took = event.seconds !== undefined ? ` in ${event.seconds.toFixed(1)} s` : "";
      const what = { executed: "completed", skipped: "up to date, skipped", failed: "failed", cancelled: "cancelled", blocked: "not run" }[event.outcome];
      console.log(`[${time()}] ${MARKS[event.outcome]} ${event.phase} ${what}${took}${event.error && event.outcome !== "executed" ? `: ${event.error.split("\n")[0]}` : ""}`);
      break;
    }
  }
}

/** Phase ids are as long as their target (queries@spark.iceberg-mor): the column fits the longest. */
export const phaseColumnWidth = (names: string[]): number => Math.max(16, ...names.map((name) => name.length));

export function printSummary(outcome: PipelineOutcome): void {
  console.log(`\nRun ${outcome.benchmarkId}: ${outcome.status}`);
  const width = phaseColumnWidth(Object.keys(outcome.phases));
  for (const [phase, result] of Object.entries(outcome.phases)) console.log(`  ${MARKS[result]} ${phase.padEnd(width)} ${result}`);
  if (outcome.failures.length) {
    console.log("\nFailures:");
    for (const failure of outcome.failures) console.log(`  - ${failure.split("\n")[0]}`);
  }
  if (outcome.reportDir) console.log(`\nReport: ${outcome.reportDir}/report.html (and report.md)`);
}
