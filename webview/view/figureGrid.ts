/** A FigureTable as a native-looking grid (vscode-table from @vscode-elements/elements). */
import type { FigureTable } from "../model/figureTables";
import { h } from "./dom";

const TONE_ICONS = { good: "pass", bad: "error", muted: undefined, changed: "diff-modified" } as const;

/** Tables with many rows scroll inside a fixed height and keep their header in view. */
const SCROLL_AFTER_ROWS = 14;

export function figureGrid(table: FigureTable): HTMLElement {
  const header = h("vscode-table-header", { slot: "header" }, ...table.columns.map((c) => h("vscode-table-header-cell", { class: c.numeric ? "numeric" : undefined }, c.title)));
  const body = h(
    "vscode-table-body",
    { slot: "body" },
    ...table.rows.map((row) =>
      h(
        "vscode-table-row",
        { "data-key": row.key },
        ...row.cells.map((cell, i) => {
          const icon = cell.tone ? TONE_ICONS[cell.tone] : undefined;
          return h(
            "vscode-table-cell",
            {
              class: [table.columns[i]?.numeric ? "numeric" : "", cell.tone ? `tone-${cell.tone}` : ""].filter(Boolean).join(" ") || undefined,
              "data-column": table.columns[i]?.title,
              "data-value": cell.value === undefined ? undefined : String(cell.value),
              title: cell.title,
            },
            icon ? h("span", { class: `codicon codicon-${icon}`, "aria-hidden": "true" }) : null,
            cell.text,
          );
        }),
      ),
    ),
  );
  const grid = h("vscode-table", { zebra: true, "bordered-columns": true, resizable: true, class: table.rows.length > SCROLL_AFTER_ROWS ? "scrolling" : undefined, "data-table": table.id }, header, body);
  return h("section", { class: "figures", "aria-label": table.title }, h("h3", {}, table.title), grid);
}
