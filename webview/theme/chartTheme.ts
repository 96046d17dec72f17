/**
 * The chart colours, read from the VS Code theme's CSS variables (charts.blue, foreground,
 * ...) so the charts match light, dark and high-contrast themes, and re-read whenever
 * VS Code changes the theme of the open panel (it rewrites the variables and body class).
 */
import type { FormatId } from "../../src/core/view";

export interface ChartTheme {
  kind: "light" | "dark" | "high-contrast" | "high-contrast-light";
  foreground: string;
  muted: string;
  grid: string;
  /** Outline every bar in high-contrast themes. */
  border?: string;
  fontFamily: string;
  fontSize: number;
  /** The theme's colour for a format that has one; the others are drawn in their report colour (targetColour.ts). */
  formats: Partial<Record<FormatId, string>>;
}

/**
 * The formats the theme has a colour for (the variants keep the report's own, which sets
 * them apart from their base format); a target's report colour is the fallback.
 */
const FORMAT_VARIABLES: Partial<Record<FormatId, string>> = {
  iceberg: "--vscode-charts-blue",
  delta: "--vscode-charts-orange",
  hudi: "--vscode-charts-green",
  parquet: "--vscode-charts-purple",
};

export function readChartTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const variable = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const body = document.body.classList;
  const kind = body.contains("vscode-high-contrast-light")
    ? "high-contrast-light"
    : body.contains("vscode-high-contrast")
      ? "high-contrast"
      : body.contains("vscode-light")
        ? "light"
        : "dark";
  const foreground = variable("--vscode-foreground", kind.endsWith("light") ? "#333333" : "#cccccc");
  const contrastBorder = variable("--vscode-contrastBorder", "");
  return {
    kind,
    foreground,
    muted: variable("--vscode-descriptionForeground", foreground),
    grid: variable("--vscode-charts-lines", variable("--vscode-editorWidget-border", "rgba(128, 128, 128, 0.35)")),
    border: kind.startsWith("high-contrast") ? contrastBorder || foreground : undefined,
    fontFamily: variable("--vscode-font-family", "sans-serif"),
    fontSize: Number.parseFloat(variable("--vscode-font-size", "13")) || 13,
    formats: Object.fromEntries((Object.entries(FORMAT_VARIABLES) as [FormatId, string][]).flatMap(([f, name]) => {
      const colour = variable(name, "");
      return colour ? [[f, colour]] : [];
    })),
  };
}

/** Calls `onChange` after VS Code switched theme (body class or the variables on <html> changed). */
export function watchTheme(onChange: () => void): () => void {
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      onChange();
    });
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ["class", "data-vscode-theme-id"] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["style", "class"] });
  return () => observer.disconnect();
}
