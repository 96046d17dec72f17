/**
 * Line charts and scatter plots as standalone SVG (no script), the bar charts' conventions:
 * every text escaped, a <title> tooltip on every point, a legend of the series.
 */
import { escapeHtml } from "./escape";
import { formatTick, niceCeiling } from "./svgChart";

export interface XyPoint {
  x: number;
  /** null: not measured (a line breaks there). */
  y: number | null;
  /** The tooltip: "Iceberg round-2: 1.234 s". */
  label: string;
}

export interface XySeries {
  name: string;
  color: string;
  points: XyPoint[];
}

export interface XyChart {
  title: string;
  xUnit: string;
  yUnit: string;
  /** Categorical x: the labels of x = 0, 1, …; without them x is a number axis from 0. */
  xLabels?: string[];
  /** Join each series' points (a line chart) or leave them apart (a scatter plot). */
  lines: boolean;
  /** A dashed level to read the points against (recovery 1: as fast as round 0). */
  reference?: { y: number; label: string };
  series: XySeries[];
}

const LAYOUT = { height: 320, top: 40, bottom: 60, left: 70, right: 30, plotWidth: 480, legendEntry: 110 };

export function renderXyChart(chart: XyChart): string {
  const { height, top, bottom, left, right, legendEntry } = LAYOUT;
  const plotWidth = Math.max(LAYOUT.plotWidth, chart.series.length * legendEntry - right, (chart.xLabels?.length ?? 0) * 70);
  const width = left + plotWidth + right;
  const plotHeight = height - top - bottom;
  const points = chart.series.flatMap((s) => s.points);
  const yMax = niceCeiling(Math.max(0, chart.reference?.y ?? 0, ...points.map((p) => p.y ?? 0)));
  const xMax = chart.xLabels ? chart.xLabels.length : niceCeiling(Math.max(0, ...points.map((p) => p.x)));
  // Categories sit in the middle of their slot; a number axis runs from its left edge.
  const x = (value: number) => left + ((chart.xLabels ? value + 0.5 : value) / xMax) * plotWidth;
  const y = (value: number) => top + plotHeight - (value / yMax) * plotHeight;

  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const value = (yMax / 4) * i;
    parts.push(`<line x1="${left}" x2="${left + plotWidth}" y1="${y(value)}" y2="${y(value)}" stroke="#8884" />`);
    parts.push(`<text x="${left - 6}" y="${y(value) + 4}" text-anchor="end" font-size="11">${formatTick(value)}</text>`);
  }
  const xTicks = chart.xLabels ? chart.xLabels.map((label, i) => [i, label] as const) : [0, 1, 2, 3, 4].map((i) => [(xMax / 4) * i, formatTick((xMax / 4) * i)] as const);
  for (const [value, label] of xTicks) parts.push(`<text x="${x(value)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11">${escapeHtml(label)}</text>`);
  parts.push(`<text x="${left + plotWidth / 2}" y="${height - bottom + 32}" text-anchor="middle" font-size="11">${escapeHtml(chart.xUnit)}</text>`);
  if (chart.reference) {
    const level = y(chart.reference.y);
    parts.push(`<line x1="${left}" x2="${left + plotWidth}" y1="${level}" y2="${level}" stroke="currentColor" stroke-dasharray="4 3"><title>${escapeHtml(chart.reference.label)}</title></line>`);
  }
  for (const series of chart.series) {
    const colour = escapeHtml(series.color);
    if (chart.lines) for (const run of measuredRuns(series.points)) parts.push(`<polyline points="${run.map((p) => `${x(p.x)},${y(p.y!)}`).join(" ")}" fill="none" stroke="${colour}" stroke-width="2" />`);
    for (const p of series.points) if (p.y !== null) parts.push(`<circle cx="${x(p.x)}" cy="${y(p.y)}" r="4" fill="${colour}"><title>${escapeHtml(p.label)}</title></circle>`);
  }
  chart.series.forEach((series, s) => {
    const lx = left + s * legendEntry;
    parts.push(`<rect x="${lx}" y="${height - 20}" width="10" height="10" fill="${escapeHtml(series.color)}" />`);
    parts.push(`<text x="${lx + 14}" y="${height - 11}" font-size="12">${escapeHtml(series.name)}</text>`);
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" fill="currentColor">`,
    `<title>${escapeHtml(chart.title)}</title>`,
    `<text x="${left}" y="20" font-size="14" font-weight="bold">${escapeHtml(chart.title)} (${escapeHtml(chart.yUnit)})</text>`,
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${y(0)}" stroke="currentColor" />`,
    `<line x1="${left}" x2="${left + plotWidth}" y1="${y(0)}" y2="${y(0)}" stroke="currentColor" />`,
    ...parts,
    "</svg>",
  ].join("\n");
}

/** The stretches of consecutive measured points: a line does not bridge a missing one. */
function measuredRuns(points: XyPoint[]): XyPoint[][] {
  const runs: XyPoint[][] = [[]];
  for (const p of points) {
    if (p.y === null) runs.push([]);
    else runs.at(-1)!.push(p);
  }
  return runs.filter((run) => run.length > 1);
}
