/** Report: summary.json under gold/metrics/<id>/, Markdown + HTML + SVG charts under gold/reports/<id>/. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { PhaseContext } from "../pipeline/phaseContext";
import { writeJson } from "../runners/jsonFile";
import { buildReportModel } from "./buildModel";
import { loadTimesChart, queryTimesChart, storageChart } from "./charts";
import { renderHtml } from "./html";
import { CHART_FILES, renderMarkdown } from "./markdown";
import { renderBarChart } from "./svgChart";
import { RANKINGS, rankingSentence, rankingTitle } from "./verdictText";

export async function runReportPhase(ctx: PhaseContext): Promise<Record<string, unknown>> {
  const model = await buildReportModel(ctx);
  const summary = path.join(ctx.layout.metricsDir(ctx.benchmarkId), "summary.json");
  await writeJson(summary, model);
  const dir = ctx.layout.reportDir(ctx.benchmarkId);
  await fs.mkdir(dir, { recursive: true });
  const files: Record<string, string> = {
    [CHART_FILES.queries]: renderBarChart(queryTimesChart(model)),
    [CHART_FILES.load]: renderBarChart(loadTimesChart(model)),
    [CHART_FILES.storage]: renderBarChart(storageChart(model)),
    "report.md": renderMarkdown(model),
    "report.html": renderHtml(model),
  };
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(dir, name), content);
  const { verdict } = model;
  if (verdict) for (const key of RANKINGS) ctx.progress(`report: ${rankingTitle(verdict[key])}: ${rankingSentence(verdict[key])}`);
  ctx.progress(`report: ${path.join(dir, "report.html")}`);
  return { dir, summary, html: path.join(dir, "report.html"), markdown: path.join(dir, "report.md"), problems: model.problems.length };
}
