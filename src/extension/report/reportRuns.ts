/** Finds the runs that have a report and their files, from the state file and the data directory. */
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import {
  FORMAT_IDS,
  parseReportModel,
  readRunSummary,
  reportFilesOf,
  reportTargetOf,
  targetsOf,
  type FormatId,
  type ReportModel,
  type RunRecord,
  type StateFile,
  type TargetId,
} from "../../core";
import type { ReportFile, RunChoice } from "../../shared/protocol";
import { runSettings } from "../tree/runsTreeModel";

/**
 * summary.json of a run's report, where core's layout puts it beside the report's
 * directory; a run that found the report up to date points at the earlier run's report,
 * and so at its summary.
 */
export function summaryFileOf(run: RunRecord): string | undefined {
  return reportFileOf(run, "summary");
}

export function reportFileOf(run: RunRecord, file: ReportFile): string | undefined {
  return run.reportDir ? reportFilesOf(run.reportDir)[file] : undefined;
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
  const { scaleFactor, formats } = runSettings(run);
  // The targets its summary lists; a run still going has none yet: those of its formats.
  const recorded = readRunSummary(run.summary).targets as TargetId[];
  const ids = recorded.length ? recorded : targetsOf({ formats: formats.filter(isFormatId) }).map((t) => t.id);
  return {
    benchmarkId: run.benchmarkId,
    startedAt: run.startedAt,
    scaleFactor: scaleFactor === undefined ? undefined : Number(scaleFactor),
    targets: ids.map((id) => reportTargetOf(id).label),
    status: run.status,
  };
}

const isFormatId = (id: string): id is FormatId => (FORMAT_IDS as readonly string[]).includes(id);

/** summary.json of version 1 or 2, as the current report model (core's parseReportModel upgrades a v1 file). */
export async function readReportModel(file: string): Promise<ReportModel> {
  const text = await fs.readFile(file, "utf8");
  try {
    return parseReportModel(JSON.parse(text));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}
