/**
 * Draws a LineChartData with chart.js: one line (or, without showLine, one set of points) per
 * series in its target's theme colour, run B dashed; recoloured in place when the theme changes.
 * Only the chart.js parts a line chart uses are registered, to keep the bundle small.
 */
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration, type TooltipItem } from "chart.js";
import type { LineChartData } from "../model/lifecycleCharts";
import { withAlpha } from "../theme/colors";
import type { ChartTheme } from "../theme/chartTheme";
import { targetColour } from "../theme/targetColour";

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export class LineChartView {
  private chart: Chart;

  constructor(private readonly canvas: HTMLCanvasElement, private readonly data: LineChartData, theme: ChartTheme) {
    this.chart = new Chart(canvas, this.configuration(theme));
  }

  /** The colours in use, for the page's data attribute (tests check that a theme change reaches the chart). */
  palette(): string[] {
    return this.chart.data.datasets.map((d) => String(d.borderColor));
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
    const numericX = data.xUnit !== undefined;
    const datasets = data.series.map((series) => {
      const color = targetColour(theme, series.target);
      return {
        label: series.label,
        data: series.points.map((p) => (p === null ? null : numericX ? { x: p.x ?? 0, y: p.y } : p.y)),
        borderColor: color,
        backgroundColor: withAlpha(color, 0.8),
        borderDash: series.role === "B" ? [6, 4] : undefined,
        borderWidth: 2,
        pointRadius: data.showLine ? 3 : 6,
        showLine: data.showLine,
        // A pass without a sum is a gap, not a line drawn through it.
        spanGaps: false,
      };
    });
    const axis = {
      ticks: { color: theme.muted, font: { family: theme.fontFamily, size: theme.fontSize - 1 } },
      grid: { color: withAlpha(theme.grid, 0.6) },
      border: { color: theme.grid },
    };
    return {
      type: "line",
      data: { labels: numericX ? undefined : data.categories, datasets: datasets as never },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        color: theme.foreground,
        font: { family: theme.fontFamily, size: theme.fontSize },
        scales: {
          x: numericX ? { ...axis, type: "linear", beginAtZero: true, title: { display: true, text: data.xUnit, color: theme.muted } } : { ...axis, type: "category" },
          y: { ...axis, beginAtZero: true, title: { display: true, text: data.unit, color: theme.muted } },
        },
        plugins: {
          legend: { labels: { color: theme.foreground, boxWidth: 12 } },
          tooltip: { callbacks: { label: (item: TooltipItem<"line">) => tooltipLine(item, data) } },
        },
      },
    };
  }
}

function tooltipLine(item: TooltipItem<"line">, data: LineChartData): string {
  const point = data.series[item.datasetIndex]?.points[item.dataIndex];
  if (!point) return `${item.dataset.label}: –`;
  const x = data.xUnit !== undefined && point.x !== undefined ? `${point.x.toFixed(2)} ${data.xUnit}, ` : "";
  return `${item.dataset.label}: ${x}${point.y.toFixed(data.unit === "s" ? 3 : 2)} ${data.unit}`;
}
