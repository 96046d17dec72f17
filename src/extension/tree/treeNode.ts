/** What a tree item shows, as plain data: the models build it, the providers turn it into a TreeItem. */
import type { DisplayStatus } from "./statusIcon";

export interface TooltipField {
  label: string;
  value: string;
}

export interface TreeNodeModel {
  /** Stable across refreshes, so VS Code keeps selection and expansion. */
  id: string;
  label: string;
  status: DisplayStatus;
  description: string;
  tooltip: { title: string; fields: TooltipField[]; error?: string };
  /** Matched by the `viewItem` when-clauses of the context menus in package.json. */
  contextValue: string;
  children?: TreeNodeModel[];
}

/** Whether two nodes look the same (children compared by the caller). */
export function sameLook(a: TreeNodeModel, b: TreeNodeModel): boolean {
  return (
    a.label === b.label &&
    a.status === b.status &&
    a.description === b.description &&
    a.contextValue === b.contextValue &&
    JSON.stringify(a.tooltip) === JSON.stringify(b.tooltip)
  );
}

export function formatDuration(startedAt?: string, finishedAt?: string): string | undefined {
  if (!startedAt || !finishedAt) return undefined;
  const seconds = (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000;
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Local date and time to the minute: 2026-11-25 08:30. */
export function formatTimestamp(iso?: string): string {
  if (!iso) return "–";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

export const formatCount = (value: unknown): string | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value.toLocaleString("en-US") : undefined;

export function firstLine(text: string, max = 100): string {
  const line = text.split("\n").find((l) => l.trim())?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
