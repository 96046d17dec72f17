/** Finds the runs that have a report and their files, from the state file and the data directory. */
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import type { ReportModel } from "../../core/report/model";
import type { RunRecord, StateFile } from "../../core/state/schema";
import type { ReportFile, RunChoice } from "../../shared/protocol";
import { runSettings } from "../tree/runsTreeModel";

/**
 * summary.json of a run's report. Core writes the report to <data>/gold/reports/<id>/ and
 * the model to <data>/gold/metrics/<id>/summary.json; a run that found the report up to
 * date points at the earlier run's report, and so at its summary.
 */
export function summaryFileOf(run: RunRecord): string | undefined {
  if (!run.reportDir) return undefined;
  const id = path.basename(run.reportDir);
  return path.join(path.dirname(path.dirname(run.reportDir)), "metrics", id, "summary.json");
}

export function reportFileOf(run: RunRecord, file: ReportFile): string | undefined {
  if (!run.reportDir) return undefined;
  if (file === "summary") return summaryFileOf(run);
  return path.join(run.reportDir, file === "html" ? "report.html" : "report.md");
}

/**
 * Runs that wrote a report whose summary.json is still on disk, newest first. A run that
 * found the report up to date is left out: it shows the earlier run's report.
 */
export function runsWithReports(state: StateFile, exists: (file: string) => boolean = existsSync): RunRecord[] {
  return [...state.runs].reverse().filter((run) => {
    const summary = summaryFileOf(run);
    return summary !== undefined && path.basename(run.reportDir!) === run.benchmarkId && exists(summary);
  });
}

export function runChoice(run: RunRecord): RunChoice {
  const { scaleFactor, frameworks } = runSettings(run);
  return {
    benchmarkId: run.benchmarkId,
    startedAt: run.startedAt,
    scaleFactor: scaleFactor === undefined ? undefined : Number(scaleFactor),
    frameworks,
    status: run.status,
  };
}

export async function readReportModel(file: string): Promise<ReportModel> {
  const model = JSON.parse(await fs.readFile(file, "utf8")) as ReportModel;
  if (model?.schemaVersion !== 1 || !Array.isArray(model.queries)) throw new Error(`${file} is not a Lakehouse Bench summary (schemaVersion 1)`);
  return model;
}
