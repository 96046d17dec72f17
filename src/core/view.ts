/**
 * The part of core that runs in a browser: the report model and what renders it. The
 * webview imports core only from here (its bundle must not pull in Node modules); the
 * CLI and the extension get the same names from index.ts, which re-exports this file.
 */
export type { QphhSummary, QueryCell, QueryRow, ReportModel, ReportTarget, TargetLoad, TargetTotals } from "./report/model";
export { bytes, percent, seconds } from "./report/format";
export { escapeHtml } from "./report/escape";
export { reusedFigures, sameQueryMeasurement } from "./report/reuse";
export { parseReportModel, SummaryVersionError, SUMMARY_VERSIONS } from "./report/summaryVersions";
export { labelIn, reportTargetOf, targetIds } from "./report/targetLabels";
export {
  intervalSourceText,
  intervalText,
  methodParagraphs,
  NO_VERDICT,
  rankedValue,
  RANKINGS,
  rankingSentence,
  rankingTitle,
  ratioText,
  spreadMarker,
  standingText,
  verdictOf,
  warmupLine,
} from "./report/verdictText";
export * as settingsText from "./report/settingsText";
export * as qphhText from "./report/qphhText";
export * as lifecycleText from "./report/lifecycleText";
export { streamTimeline, type Timeline, type TimelineSpan } from "./report/streamTimeline";
export { noiseVerdict, type RunStatistics } from "./metrics/statistics";
export type { Ranking } from "./metrics/ranking";
export { FORMAT_IDS, type FormatId } from "./config/keys";
export type { EngineId, TargetId } from "./phase/targets";
