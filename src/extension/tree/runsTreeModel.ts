/** The Runs view as data: the history from the state file, newest first. Pure. */
import path from "node:path";
import { readRunSummary, type RunRecord, type RunSummary } from "../../core";
import type { DisplayStatus } from "./statusIcon";
import { firstLine, formatDuration, formatTimestamp, type TooltipField, type TreeNodeModel } from "./treeNode";

export interface RunNode extends TreeNodeModel {
  benchmarkId: string;
  hasReport: boolean;
  /** The run whose report this run shows: itself, or an earlier run when the report was up to date. */
  reportId?: string;
}

export function buildRunTree(runs: RunRecord[], hasReport: (run: RunRecord) => boolean): RunNode[] {
  return [...runs].reverse().map((run) => runNode(run, hasReport(run)));
}

function runNode(run: RunRecord, reportAvailable: boolean): RunNode {
  const { scaleFactor, formats } = runSettings(run);
  const { gold, failures } = readRunSummary(run.summary);
  const passed = passedText(gold);
  const status: DisplayStatus = run.status;
  const fields: TooltipField[] = [
    { label: "Run", value: run.benchmarkId },
    { label: "Command", value: run.command },
    { label: "Status", value: run.status },
    { label: "Started", value: formatTimestamp(run.startedAt) },
  ];
  const duration = formatDuration(run.startedAt, run.finishedAt);
  if (duration) fields.push({ label: "Duration", value: duration });
  fields.push({ label: "Scale factor", value: scaleFactor ?? "–" }, { label: "Formats", value: formats.join(", ") || "–" });
  for (const [targetId, summary] of Object.entries(gold)) {
    if (summary.queries === undefined) continue;
    const sum = typeof summary.sumOfMedians === "number" ? `, sum of medians ${summary.sumOfMedians.toFixed(2)} s` : "";
    fields.push({ label: targetId, value: `${summary.passed ?? 0}/${summary.queries} passed${sum}` });
  }
  if (run.versions?.pyspark) fields.push({ label: "Spark", value: run.versions.pyspark });
  return {
    id: run.benchmarkId,
    benchmarkId: run.benchmarkId,
    label: formatTimestamp(run.startedAt),
    status,
    description: [scaleFactor ? `SF ${scaleFactor}` : "", formats.join(", "), passed ?? (run.status === "running" ? "running…" : run.status)]
      .filter(Boolean)
      .join(" · "),
    tooltip: { title: `Run ${run.benchmarkId}`, fields, error: failures.length ? failures.map((f) => firstLine(f, 200)).join("\n") : undefined },
    contextValue: reportAvailable ? "run.report" : "run",
    hasReport: reportAvailable,
    reportId: reportAvailable && run.reportDir ? path.basename(run.reportDir) : undefined,
  };
}

/** Scale factor and formats: from the summary once the run ended, else from its config. */
export function runSettings(run: RunRecord): { scaleFactor?: string; formats: string[] } {
  const summary = readRunSummary(run.summary);
  const scale = summary.scaleFactor ?? run.config.TPCH_SCALE_FACTOR;
  const formats = summary.formats.length
    ? summary.formats
    : typeof run.config.FRAMEWORKS === "string"
      ? run.config.FRAMEWORKS.split(",").map((f) => f.trim()).filter(Boolean)
      : [];
  return { scaleFactor: scale === undefined ? undefined : String(scale), formats };
}

/** "44/44 passed" over the targets whose queries ran in this run. */
function passedText(gold: RunSummary["gold"]): string | undefined {
  const ran = Object.values(gold).filter((g) => typeof g.queries === "number");
  if (!ran.length) return undefined;
  const passed = ran.reduce((sum, g) => sum + (g.passed ?? 0), 0);
  const total = ran.reduce((sum, g) => sum + (g.queries ?? 0), 0);
  return `${passed}/${total} passed`;
}
