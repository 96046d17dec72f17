/**
 * The lifecycle verdict and notes in words and table cells, shared by the Markdown and HTML
 * reports and the panel so that all three say the same thing. Plain strings: each renderer
 * escapes them.
 */
import { seconds } from "./format";
import type { LifecycleSummary } from "./lifecycleSummary";
import { lifecycleVerdict, type LifecycleComparison, type LifecyclePairVerdict, type LifecycleVerdict } from "./lifecycleVerdict";
import type { ReportModel } from "./model";

export { lifecycleVerdict, type LifecycleComparison, type LifecyclePairVerdict, type LifecycleVerdict };

export const VERDICT_TITLE = "Variants compared: writes, reads after the rounds, storage";
export const VERDICT_NOTE =
  "Each pair is two variants of one format on the same engine (the format's default against the other). Writes: the rounds' change seconds paired round by round, the geometric mean of the ratios with a 95 % t-interval. Reads: the pass after the last round, the geometric mean of the per-query ratios with a 95 % bootstrap over the queries. Storage: bytes on disk, exact figures from one measurement. Too close to call: the interval includes 1.";
export const NO_PAIRS = "No pair of variants of one format ran the lifecycle (e.g. Iceberg with Iceberg MOR), so there is no variant verdict.";
export const VERDICT_COLUMNS = ["variants", "figure", "verdict", "by", "95 % interval", "basis"];

type Figure = "writes" | "reads" | "storageAfterRounds" | "storageAfterMaintenance";
const FIGURES: Figure[] = ["writes", "reads", "storageAfterRounds", "storageAfterMaintenance"];
const BETTER: Record<Figure, string> = { writes: "cheaper to change", reads: "faster to read", storageAfterRounds: "smaller", storageAfterMaintenance: "smaller" };

export function figureName(figure: Figure, rounds: number): string {
  const after = `${rounds} round${rounds === 1 ? "" : "s"}`;
  return { writes: "writes", reads: `reads after ${after}`, storageAfterRounds: `storage after ${after}`, storageAfterMaintenance: "storage after maintenance" }[figure];
}

/** The factor the smaller figure beats the larger by (≥ 1), with its interval turned the same way. */
function factor(c: LifecycleComparison): { by: number; interval: { low: number; high: number } | null } | null {
  if (c.ratio === null) return null;
  if (c.ratio >= 1) return { by: c.ratio, interval: c.interval };
  return { by: 1 / c.ratio, interval: c.interval && { low: 1 / c.interval.high, high: 1 / c.interval.low } };
}

const times = (value: number) => `${value.toFixed(2)}×`;
const intervalCell = (c: LifecycleComparison) => {
  const f = factor(c);
  if (c.call === "exact" || c.call === "equal") return "exact, one measurement";
  return f?.interval ? `${f.interval.low.toFixed(2)}–${f.interval.high.toFixed(2)}×` : "no interval";
};

/** Who is ahead on a figure, in a few words ("Iceberg MOR cheaper to change"). */
function callText(pair: LifecyclePairVerdict, figure: Figure): string {
  const c = pair[figure];
  const ahead = c.ratio !== null && c.ratio < 1 ? pair.b.label : pair.a.label;
  switch (c.call) {
    case "wins":
    case "exact":
      return `${ahead} ${BETTER[figure]}`;
    case "too close to call":
      return "too close to call";
    case "no interval":
      return `${ahead} ahead, no interval to call it`;
    case "equal":
      return "equal";
    default:
      return "not measured on both";
  }
}

export function verdictRows(verdict: LifecycleVerdict): string[][] {
  return verdict.pairs.flatMap((pair) =>
    FIGURES.map((figure) => {
      const c = pair[figure];
      const f = factor(c);
      return [`${pair.a.label} vs ${pair.b.label}`, figureName(figure, pair.rounds), callText(pair, figure), f ? times(f.by) : "–", intervalCell(c), c.basis];
    }),
  );
}

/** One sentence per pair: the calls on every figure, each with by how much and its interval. */
export function verdictSentence(pair: LifecyclePairVerdict): string {
  const parts = FIGURES.map((figure) => {
    const c = pair[figure];
    const f = factor(c);
    const detail = f ? ` by ${times(f.by)} (${intervalCell(c)})` : "";
    return `${figureName(figure, pair.rounds)}: ${callText(pair, figure)}${c.call === "equal" || c.call === "not measured" ? "" : detail}`;
  });
  return `${pair.a.label} vs ${pair.b.label}: ${parts.join("; ")}.`;
}

export const skippedLines = (verdict: LifecycleVerdict): string[] => verdict.skipped.map((s) => `${s.a.label} vs ${s.b.label}: no verdict, ${s.reason}.`);

/** The verdict of a model's lifecycle, or undefined when no pair of variants ran it. */
export function verdictOfLifecycle(model: Pick<ReportModel, "targets" | "lifecycle">): LifecycleVerdict | undefined {
  const verdict = lifecycleVerdict(model);
  return verdict.pairs.length || verdict.skipped.length ? verdict : undefined;
}

/** "5", or "5 (resumed after round 1 by RESTORE TABLE, 2.0 s)" when an interrupted attempt was rolled back and continued. */
export function roundsText(s: LifecycleSummary): string {
  return s.resumed ? `${s.rounds} (resumed after round ${s.resumed.afterRound} by ${s.resumed.method}, ${seconds(s.resumed.seconds, 1)})` : String(s.rounds);
}
