/**
 * The chart colours, read from the VS Code theme's CSS variables (charts.blue, foreground,
 * ...) so the charts match light, dark and high-contrast themes, and re-read whenever
 * VS Code changes the theme of the open panel (it rewrites the variables and body class).
 */
import type { Framework } from "../../src/core/config/keys";
import { FRAMEWORK_COLORS } from "../../src/core/report/format";

export interface ChartTheme {
  kind: "light" | "dark" | "high-contrast" | "high-contrast-light";
  foreground: string;
  muted: string;
  grid: string;
  /** Outline every bar in high-contrast themes. */
  border?: string;
  fontFamily: string;
  fontSize: number;
  framework: Record<Framework, string>;
}

/** Each format's theme colour; the report's own palette only if the theme has none. */
const FRAMEWORK_VARIABLES: Record<Framework, string> = {
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
    framework: Object.fromEntries(
      (Object.keys(FRAMEWORK_VARIABLES) as Framework[]).map((f) => [f, variable(FRAMEWORK_VARIABLES[f], FRAMEWORK_COLORS[f])]),
    ) as Record<Framework, string>,
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
