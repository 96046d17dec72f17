/** The run picker: which run to show, and which to compare it with (vscode-single-select). */
import type { RunChoice, RunSelection } from "../../src/shared/protocol";
import { h } from "./dom";

export function runLabel(run: RunChoice): string {
  const date = run.startedAt.slice(0, 16).replace("T", " ");
  return [date, run.scaleFactor !== undefined ? `SF ${run.scaleFactor}` : "", run.targets.join(", "), run.status === "completed" ? "" : run.status].filter(Boolean).join(" · ");
}

export function runPicker(runs: RunChoice[], selection: RunSelection, onSelect: (selection: RunSelection) => void): HTMLElement {
  const option = (run: RunChoice, selected: boolean) => h("vscode-option", { value: run.benchmarkId, selected, description: run.benchmarkId }, runLabel(run));
  const primary = h("vscode-single-select", { id: "run-primary", "aria-label": "Run" }, ...runs.map((r) => option(r, r.benchmarkId === selection.primary)));
  const compare = h(
    "vscode-single-select",
    { id: "run-compare", "aria-label": "Compare with" },
    h("vscode-option", { value: "", selected: !selection.compare }, "no comparison"),
    ...runs.map((r) => option(r, r.benchmarkId === selection.compare)),
  );
  const changed = () => {
    const chosen = primary.value || selection.primary;
    onSelect({ primary: chosen, compare: compare.value && compare.value !== chosen ? compare.value : undefined });
  };
  primary.addEventListener("change", changed);
  compare.addEventListener("change", changed);
  return h(
    "div",
    { class: "run-picker" },
    h("div", { class: "field" }, h("label", { for: "run-primary" }, "Run"), primary),
    h("div", { class: "field" }, h("label", { for: "run-compare" }, "Compare with"), compare),
  );
}
