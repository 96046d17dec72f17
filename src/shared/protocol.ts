/**
 * The messages between the extension host and the report webview. Both bundles import this
 * file, so a message that one side sends and the other does not understand is a type error.
 * Messages from the webview are untrusted input: the host accepts them only through
 * parseWebviewMessage, and never takes a path from them (files are looked up by run id).
 */
import type { ReportModel } from "../core/view";

/** The webview panel's view type: the serializer and `onWebviewPanel:` activation use it. */
export const REPORT_VIEW_TYPE = "lakehouseBench.report";

/** Which runs the panel shows: one run, or one compared with another. */
export interface RunSelection {
  primary?: string;
  compare?: string;
}

/** What the webview keeps with vscode.setState, restored by the panel serializer after a restart. */
export interface PanelState {
  selection: RunSelection;
}

/** A run that has a report, as the run picker lists it. */
export interface RunChoice {
  benchmarkId: string;
  startedAt: string;
  scaleFactor?: number;
  /** The labels of the run's targets as its report lists them ("Iceberg", "Iceberg MOR"), in its order. */
  targets: string[];
  status: string;
}

export type HostMessage =
  /** The runs that have a report, newest first, and the selection the host will show. */
  | { type: "runs"; runs: RunChoice[]; selection: RunSelection }
  | { type: "report"; selection: RunSelection; primary: ReportModel; compare?: ReportModel }
  /** Nothing to show yet (no run has a report); `reason` says what to do. */
  | { type: "empty"; reason: string }
  | { type: "error"; message: string };

/** Files of a run's report the host can open on request (looked up by run id, never by path). */
export const REPORT_FILES = ["markdown", "html", "summary"] as const;
export type ReportFile = (typeof REPORT_FILES)[number];

export type WebviewMessage =
  /** Sent once the webview's script runs; the host answers with "runs" then "report". */
  | { type: "ready"; state?: PanelState }
  | { type: "select"; selection: RunSelection }
  | { type: "openFile"; benchmarkId: string; file: ReportFile };

/** Benchmark ids as core makes them (lb-20261125-083015-1a2b); anything else is refused. */
const RUN_ID = /^[\w.-]{1,80}$/;

export function isRunId(value: unknown): value is string {
  return typeof value === "string" && RUN_ID.test(value);
}

export function parseSelection(value: unknown): RunSelection | undefined {
  if (!value || typeof value !== "object") return undefined;
  const { primary, compare } = value as Record<string, unknown>;
  if (primary !== undefined && !isRunId(primary)) return undefined;
  if (compare !== undefined && !isRunId(compare)) return undefined;
  return { primary, compare: compare === primary ? undefined : compare };
}

export function parsePanelState(value: unknown): PanelState | undefined {
  if (!value || typeof value !== "object") return undefined;
  const selection = parseSelection((value as Record<string, unknown>).selection);
  return selection ? { selection } : undefined;
}

/** The message if it is one the webview may send, else undefined. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!value || typeof value !== "object") return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case "ready": {
      if (message.state === undefined) return { type: "ready" };
      const state = parsePanelState(message.state);
      return state ? { type: "ready", state } : { type: "ready" };
    }
    case "select": {
      const selection = parseSelection(message.selection);
      return selection ? { type: "select", selection } : undefined;
    }
    case "openFile":
      return isRunId(message.benchmarkId) && (REPORT_FILES as readonly unknown[]).includes(message.file)
        ? { type: "openFile", benchmarkId: message.benchmarkId, file: message.file as ReportFile }
        : undefined;
    default:
      return undefined;
  }
}
