/** One card per target with the headline figures; with two runs, run B's value and the change. */
import { bytes, seconds, type ReportModel, type ReportTarget, type TargetId } from "../../src/core/view";
import { targetsOf, type ReportPair } from "../model/reportPair";
import { h } from "./dom";

interface Figure {
  label: string;
  of: (model: ReportModel, target: TargetId) => number | null | undefined;
  show: (value: number) => string;
  /** Lower is better for every figure here except answers. */
  lowerIsBetter: boolean;
}

const FIGURES: Figure[] = [
  { label: "Total query time", of: (m, f) => m.totals[f]?.sumOfMedians, show: (v) => seconds(v, 2), lowerIsBetter: true },
  { label: "Geometric mean", of: (m, f) => m.totals[f]?.geometricMeanOfMedians, show: (v) => seconds(v, 3), lowerIsBetter: true },
  { label: "Answers correct", of: (m, f) => m.totals[f]?.passed, show: (v) => String(v), lowerIsBetter: false },
  { label: "Load time", of: (m, f) => m.load[f]?.seconds, show: (v) => seconds(v, 1), lowerIsBetter: true },
  { label: "Storage", of: (m, f) => (m.load[f] ? m.load[f]!.dataBytes + m.load[f]!.metadataBytes : undefined), show: bytes, lowerIsBetter: true },
];

/** Shown only when a run has the power and throughput test (workload tpch-qphh). */
const QPHH_FIGURES: Figure[] = [
  { label: "QphH@Size", of: (m, f) => m.qphh?.[f]?.qphhAtSize, show: (v) => v.toFixed(1), lowerIsBetter: false },
  { label: "RF1 + RF2 (power test)", of: (m, f) => (m.qphh?.[f] ? m.qphh[f]!.rf1.seconds + m.qphh[f]!.rf2.seconds : undefined), show: (v) => seconds(v, 2), lowerIsBetter: true },
];

export function summaryCards(pair: ReportPair): HTMLElement {
  const qphh = [pair.primary, pair.compare].some((m) => Object.keys(m?.qphh ?? {}).length > 0);
  const figures = qphh ? [...FIGURES, ...QPHH_FIGURES] : FIGURES;
  return h("div", { class: "cards" }, ...targetsOf(pair).map((target) => card(pair, target, figures)));
}

function card(pair: ReportPair, target: ReportTarget, figures: Figure[]): HTMLElement {
  const queries = pair.primary.queries.filter((q) => q.byTarget[target.id]).length;
  const rows = figures.map((figure) => {
    const a = figure.of(pair.primary, target.id);
    const b = pair.compare ? figure.of(pair.compare, target.id) : undefined;
    const shown = a === null || a === undefined ? "–" : figure.label === "Answers correct" ? `${a}/${queries}` : figure.show(a);
    return h(
      "div",
      { class: "figure" },
      h("dt", {}, figure.label),
      h("dd", {}, shown),
      b !== undefined && b !== null && typeof a === "number" ? change(a, b, figure) : null,
    );
  });
  return h(
    "article",
    { class: "card", "data-target": target.id },
    // The swatch's colour is the format's (media/report.css): the page's CSP allows no inline style.
    h("h3", {}, h("span", { class: `swatch fw-${target.format}`, "aria-hidden": "true" }), target.label),
    h("dl", {}, ...rows),
  );
}

function change(a: number, b: number, figure: Figure): HTMLElement {
  const ratio = a > 0 ? b / a - 1 : 0;
  const better = figure.lowerIsBetter ? ratio < 0 : ratio > 0;
  const text = figure.label === "Answers correct" ? `B: ${b}` : `B: ${figure.show(b)} (${ratio >= 0 ? "+" : ""}${(ratio * 100).toFixed(1)} %)`;
  return h("dd", { class: `delta ${Math.abs(ratio) < 0.005 ? "same" : better ? "better" : "worse"}` }, text);
}
