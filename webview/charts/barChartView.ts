/**
 * Draws a BarChartData with chart.js (grouped or stacked bars, optional min–max whiskers
 * from chartjs-chart-error-bars) in the theme's colours, and recolours it in place when the
 * theme changes. Only the chart.js parts in use are registered, to keep the bundle small.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type TooltipItem } from "chart.js";
import { BarWithErrorBar, BarWithErrorBarsController } from "chartjs-chart-error-bars";
import type { BarChartData, BarPoint, BarSeries } from "../model/chartData";
import { withAlpha } from "../theme/colors";
import type { ChartTheme } from "../theme/chartTheme";
import { targetColour } from "../theme/targetColour";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, BarWithErrorBarsController, BarWithErrorBar);

const SHADE_ALPHA = { solid: 1, medium: 0.7, light: 0.45 } as const;

/** Run B and metadata are drawn lighter than run A and data. */
function fill(color: string, series: BarSeries): string {
  const alpha = (series.role === "B" ? 0.45 : 1) * SHADE_ALPHA[series.shade ?? "solid"];
  return alpha === 1 ? color : withAlpha(color, alpha);
}

export class BarChartView {
  private chart: Chart;

  constructor(private readonly canvas: HTMLCanvasElement, private readonly data: BarChartData, theme: ChartTheme) {
    this.chart = new Chart(canvas, this.configuration(theme));
  }

  /** The colours in use, for the page's data attribute (tests check that a theme change reaches the chart). */
  palette(): string[] {
    return this.chart.data.datasets.flatMap((d) => (Array.isArray(d.backgroundColor) ? d.backgroundColor : [d.backgroundColor])).map(String);
  }

  /** Redraws in the new theme's colours. A new chart, because chart.js caches resolved element colours. */
  applyTheme(theme: ChartTheme): void {
    this.chart.destroy();
    this.chart = new Chart(this.canvas, this.configuration(theme));
  }

  destroy(): void {
    this.chart.destroy();
  }

  private configuration(theme: ChartTheme): ChartConfiguration {
    const { data } = this;
    const stacked = data.series.some((s) => s.stack);
    const colorOf = (series: BarSeries) =>
      data.colorByCategory
        ? data.categories.map((_, i) => fill(data.categoryTargets?.[i] ? targetColour(theme, data.categoryTargets[i]) : theme.foreground, series))
        : fill(targetColour(theme, series.target), series);
    const datasets = data.series.map((series) => ({
      label: series.label,
      stack: series.stack,
      data: series.values.map((point) => (point === null ? null : data.errorBars ? point : point.y)),
      backgroundColor: colorOf(series),
      borderColor: theme.border ?? colorOf(series),
      borderWidth: theme.border ? 1 : 0,
      // A few wide categories (one per format) would otherwise get slabs for bars.
      maxBarThickness: data.colorByCategory ? 90 : undefined,
      errorBarColor: theme.foreground,
      errorBarWhiskerColor: theme.foreground,
      errorBarLineWidth: 1,
      errorBarWhiskerLineWidth: 1,
      errorBarWhiskerRatio: 0.4,
    }));
    const axis = {
      ticks: { color: theme.muted, font: { family: theme.fontFamily, size: theme.fontSize - 1 } },
      grid: { color: withAlpha(theme.grid, 0.6) },
      border: { color: theme.grid },
    };
    return {
      type: data.errorBars ? ("barWithErrorBars" as "bar") : "bar",
      data: { labels: data.categories, datasets: datasets as never },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        color: theme.foreground,
        font: { family: theme.fontFamily, size: theme.fontSize },
        scales: {
          x: { ...axis, stacked },
          y: { ...axis, stacked, beginAtZero: true, title: { display: true, text: data.unit, color: theme.muted } },
        },
        plugins: {
          // Bars coloured by format carry their format on the axis; a legend would repeat it.
          legend: { display: !data.colorByCategory || data.series.length > 1, labels: { color: theme.foreground, boxWidth: 12, ...(data.colorByCategory ? { generateLabels: neutralLabels(theme, data) } : {}) } },
          tooltip: { callbacks: { label: (item: TooltipItem<"bar">) => tooltipLine(item, data) } },
        },
      },
    };
  }
}

/** Legend entries for bars coloured by format: run A / B or data / metadata, in neutral shades of the text colour. */
function neutralLabels(theme: ChartTheme, data: BarChartData) {
  return (chart: Chart) =>
    data.series.map((series, i) => {
      const color = fill(theme.foreground, series);
      return { text: series.label, fillStyle: color, strokeStyle: color, lineWidth: 0, fontColor: theme.foreground, datasetIndex: i, hidden: !chart.isDatasetVisible(i) };
    });
}

function tooltipLine(item: TooltipItem<"bar">, data: BarChartData): string {
  const point = data.series[item.datasetIndex]?.values[item.dataIndex] as BarPoint | null | undefined;
  if (!point) return `${item.dataset.label}: –`;
  const digits = data.unit === "s" ? 3 : 2;
  const range = point.yMin !== undefined && point.yMax !== undefined ? ` (min ${point.yMin.toFixed(digits)}, max ${point.yMax.toFixed(digits)})` : "";
  return `${item.dataset.label}: ${point.y.toFixed(digits)} ${data.unit}${range}`;
}
