/** Report: summary.json under gold/metrics/<id>/, Markdown + HTML + SVG charts under gold/reports/<id>/. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { PhaseContext } from "../phase/context";
import { REPORT_FILES } from "../phase/layout";
import { buildReportModel, type TargetPhases } from "./reportModel";
import type { TargetId } from "../phase/targets";
import { loadTimesChart, queryTimesChart, storageChart } from "../report/charts";
import { renderHtml } from "../report/html";
import { CHART_FILES, renderMarkdown } from "../report/markdown";
import { lifecycleChartFiles } from "../report/lifecycleSection";
import { qphhChartFiles } from "../report/qphhSection";
import { renderBarChart } from "../report/svgChart";
import { RANKINGS, rankingSentence, rankingTitle } from "../report/verdictText";
import { writeJson } from "../runners/jsonFile";
import type { ReportResult } from "./results";

export async function runReportPhase(ctx: PhaseContext, phasesOf: (target: TargetId) => TargetPhases, workload: string): Promise<ReportResult> {
  const model = await buildReportModel(ctx, phasesOf, workload);
  const summary = ctx.layout.summaryFile(ctx.benchmarkId);
  await writeJson(summary, model);
  const dir = ctx.layout.reportDir(ctx.benchmarkId);
  await fs.mkdir(dir, { recursive: true });
  const files: Record<string, string> = {
    [CHART_FILES.queries]: renderBarChart(queryTimesChart(model)),
    [CHART_FILES.load]: renderBarChart(loadTimesChart(model)),
    [CHART_FILES.storage]: renderBarChart(storageChart(model)),
    ...qphhChartFiles(model),
    ...lifecycleChartFiles(model),
    [REPORT_FILES.markdown]: renderMarkdown(model),
    [REPORT_FILES.html]: renderHtml(model),
  };
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(dir, name), content);
  const { verdict } = model;
  if (verdict) for (const key of RANKINGS) ctx.progress(`report: ${rankingTitle(verdict[key])}: ${rankingSentence(verdict[key])}`);
  const html = path.join(dir, REPORT_FILES.html);
  ctx.progress(`report: ${html}`);
  return { dir, summary, html, markdown: path.join(dir, REPORT_FILES.markdown), problems: model.problems.length };
}
