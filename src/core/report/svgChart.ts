/** Grouped bar charts as standalone SVG (no script), with optional min-max whiskers or stacked parts. */
import { escapeHtml } from "./escape";

export interface BarValue {
  value: number | null;
  low?: number;
  high?: number;
  /** With the chart's stack: the bar's parts, bottom up, summing to value. */
  parts?: number[];
}

export interface BarSeries {
  name: string;
  color: string;
  values: BarValue[];
}

export interface BarChart {
  title: string;
  unit: string;
  categories: string[];
  series: BarSeries[];
  /** For a few categories (one per metric): wider bars, and room for each category's label. */
  barWidth?: number;
  minGroupWidth?: number;
  /**
   * Stacked bars: the names of each bar's parts, bottom up (live data, dead bytes). A part is
   * drawn in its series' colour, fainter the higher it sits; the legend names the parts too.
   */
  stack?: string[];
}

/** The fill opacity of a stacked bar's part i of n: the bottom one solid, the top one faint. */
export const partOpacity = (i: number, n: number): number => (n <= 1 ? 1 : Number((1 - (0.65 * i) / (n - 1)).toFixed(2)));

const LAYOUT = { height: 320, top: 40, bottom: 50, left: 70, right: 20, barWidth: 9, groupGap: 10 };

export function renderBarChart(chart: BarChart): string {
  const { height, top, bottom, left, right, groupGap } = LAYOUT;
  const barWidth = chart.barWidth ?? LAYOUT.barWidth;
  const groupWidth = Math.max(chart.series.length * barWidth + groupGap, chart.minGroupWidth ?? 0);
  const width = left + right + Math.max(1, chart.categories.length) * groupWidth;
  const plotHeight = height - top - bottom;
  const highest = Math.max(0, ...chart.series.flatMap((s) => s.values.map((v) => v.high ?? v.value ?? 0)));
  const scaleMax = niceCeiling(highest);
  const y = (value: number) => top + plotHeight - (value / scaleMax) * plotHeight;

  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const value = (scaleMax / 4) * i;
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(value)}" y2="${y(value)}" stroke="#8884" />`);
    parts.push(`<text x="${left - 6}" y="${y(value) + 4}" text-anchor="end" font-size="11">${formatTick(value)}</text>`);
  }
  chart.categories.forEach((category, c) => {
    // Bars centred in their group (with the default group width: groupGap / 2 each side).
    const groupX = left + c * groupWidth + (groupWidth - chart.series.length * barWidth) / 2;
    chart.series.forEach((series, s) => {
      const bar = series.values[c];
      if (!bar || bar.value === null) return;
      const x = groupX + s * barWidth;
      if (chart.stack && bar.parts) {
        parts.push(...stackedBar(chart, chart.stack, bar.parts, { x, width: barWidth - 1, y, label: `${series.name} ${category}`, color: series.color }));
        return;
      }
      const label = `${series.name} ${category}: ${bar.value.toPrecision(4)} ${chart.unit}`;
      parts.push(`<rect x="${x}" y="${y(bar.value)}" width="${barWidth - 1}" height="${Math.max(0, y(0) - y(bar.value))}" fill="${escapeHtml(series.color)}"><title>${escapeHtml(label)}</title></rect>`);
      if (bar.low !== undefined && bar.high !== undefined && bar.high > bar.low) {
        const mid = x + (barWidth - 1) / 2;
        parts.push(`<line x1="${mid}" x2="${mid}" y1="${y(bar.low)}" y2="${y(bar.high)}" stroke="currentColor" />`);
      }
    });
    const labelX = groupX + (chart.series.length * barWidth) / 2;
    parts.push(`<text x="${labelX}" y="${height - bottom + 14}" text-anchor="middle" font-size="11">${escapeHtml(category)}</text>`);
  });
  chart.series.forEach((series, s) => {
    const x = left + s * 110;
    parts.push(`<rect x="${x}" y="${height - 20}" width="10" height="10" fill="${escapeHtml(series.color)}" />`);
    parts.push(`<text x="${x + 14}" y="${height - 11}" font-size="12">${escapeHtml(series.name)}</text>`);
  });
  chart.stack?.forEach((name, i, names) => {
    const x = left + (chart.series.length + i) * 110;
    parts.push(`<rect x="${x}" y="${height - 20}" width="10" height="10" fill="currentColor" fill-opacity="${partOpacity(i, names.length)}" />`);
    parts.push(`<text x="${x + 14}" y="${height - 11}" font-size="12">${escapeHtml(name)}</text>`);
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" fill="currentColor">`,
    `<title>${escapeHtml(chart.title)}</title>`,
    `<text x="${left}" y="20" font-size="14" font-weight="bold">${escapeHtml(chart.title)} (${escapeHtml(chart.unit)})</text>`,
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${y(0)}" stroke="currentColor" />`,
    ...parts,
    "</svg>",
  ].join("\n");
}

/** One stacked bar: its parts bottom up, each with its own tooltip. */
function stackedBar(chart: BarChart, names: string[], values: number[], bar: { x: number; width: number; y: (v: number) => number; label: string; color: string }): string[] {
  let base = 0;
  return values.map((value, i) => {
    const [bottom, top] = [bar.y(base), bar.y(base + value)];
    base += value;
    const title = `${bar.label} ${names[i] ?? ""}: ${value.toPrecision(4)} ${chart.unit}`;
    return `<rect x="${bar.x}" y="${top}" width="${bar.width}" height="${Math.max(0, bottom - top)}" fill="${escapeHtml(bar.color)}" fill-opacity="${partOpacity(i, names.length)}"><title>${escapeHtml(title)}</title></rect>`;
  });
}

export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((v) => v >= value)!;
}

export const formatTick = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2));
