/** The panel's verdict: per run, the three rankings with their intervals, and how they were made. */
import type { RunVerdict } from "../model/verdictTables";
import { h } from "./dom";
import { figureGrid } from "./figureGrid";

export function verdictSection(verdicts: RunVerdict[], comparing: boolean): HTMLElement {
  return h(
    "section",
    { class: "verdicts", "data-section": "verdict" },
    h("h2", {}, "Verdict"),
    ...verdicts.flatMap((run) => {
      if (run.missing) return [h("p", { class: "ranking-note", "data-verdict": `missing-${run.role}` }, comparing ? `Run ${run.role}: ${run.missing}` : run.missing)];
      return [
        ...run.rankings.map((ranking) =>
          h("div", { class: "ranking" }, figureGrid(ranking.table), h("p", { class: "ranking-sentence" }, ranking.sentence), h("p", { class: "ranking-note" }, ranking.note)),
        ),
        h("details", { class: "method" }, h("summary", {}, comparing ? `How run ${run.role}'s verdict was computed` : "How the verdict was computed"), ...run.method.map((p) => h("p", {}, p))),
      ];
    }),
  );
}
