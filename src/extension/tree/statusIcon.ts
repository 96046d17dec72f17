/** The one mapping from a status to its codicon and theme colour, used by every view. */
export const DISPLAY_STATUSES = ["pending", "running", "completed", "failed", "cancelled", "skipped"] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

export interface StatusIcon {
  /** Codicon id; `~spin` animates it. */
  id: string;
  /** Theme colour id, so the icon follows light, dark and high-contrast themes. */
  color?: string;
}

export function statusIcon(status: DisplayStatus): StatusIcon {
  switch (status) {
    case "pending":
      return { id: "circle-outline" };
    case "running":
      return { id: "loading~spin" };
    case "completed":
      return { id: "pass", color: "testing.iconPassed" };
    case "failed":
      return { id: "error", color: "testing.iconFailed" };
    case "cancelled":
      return { id: "circle-slash", color: "list.warningForeground" };
    case "skipped":
      return { id: "pass-filled", color: "testing.iconSkipped" };
  }
}

/** Words for screen readers and tests: "completed", "up to date (skipped)". */
export function statusWord(status: DisplayStatus): string {
  return status === "skipped" ? "up to date (skipped)" : status;
}
