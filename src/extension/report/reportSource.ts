/** The report panel's data: the workspace's runs with a report, their summary.json and files. */
import { emptyState, readState, type StateFile, stateFilePath } from "../../core";
import type { ReportSource } from "../webview/reportPanelController";
import { readReportModel, reportFileOf, runChoice, runsWithReports, summaryFileOf } from "./reportRuns";

export function workspaceReportSource(workspace: () => string | undefined): ReportSource {
  const state = async (): Promise<StateFile> => {
    const folder = workspace();
    return folder ? readState(stateFilePath(folder)) : emptyState();
  };
  const run = async (benchmarkId: string) => (await state()).runs.find((r) => r.benchmarkId === benchmarkId);
  return {
    runs: async () => runsWithReports(await state()).map(runChoice),
    load: async (benchmarkId) => {
      const record = await run(benchmarkId);
      const file = record && summaryFileOf(record);
      if (!file) throw new Error(`run ${benchmarkId} has no report`);
      return readReportModel(file);
    },
    fileOf: async (benchmarkId, file) => {
      const record = await run(benchmarkId);
      return record && reportFileOf(record, file);
    },
  };
}
