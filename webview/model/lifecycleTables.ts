/**
 * The lifecycle step's tables as data for the panel's grids: per target the degradation rate
 * with its interval, recovery, storage amplification, change and maintenance seconds, the time
 * travel check and the answers; then the queries' total seconds per pass. The same figures as
 * the HTML report's section (src/core/report/lifecycleSection.ts), with tones. DOM-free.
 */
import { lifecycleText, percent, seconds } from "../../src/core/view";
import type { FigureCell, FigureTable } from "./figureTables";
import type { LifecycleSummary } from "./lifecycleCharts";
import { roles, seriesLabel, targetsOf, type ReportPair } from "./reportPair";

const text = (value: string, tone?: FigureCell["tone"], title?: string): FigureCell => ({ text: value, value, tone, title });
const num = (value: number | null | undefined, show: (v: number) => string): FigureCell => (typeof value === "number" ? { text: show(value), value } : { text: "–", tone: "muted" });

function rate(s: LifecycleSummary): FigureCell {
  const d = s.summary.degradation;
  if (!d) return text("–", "muted", "A pass lacked a query's time: no rate.");
  const interval = d.interval ? `${percent(d.interval.low)} … ${percent(d.interval.high)}` : "one round: no interval";
  return { text: `${percent(d.rate)} (${interval})`, value: d.rate };
}

function timeTravel(s: LifecycleSummary): FigureCell {
  const t = s.timeTravel;
  if (!t.supported) return text("unsupported", "muted", t.error ?? undefined);
  return t.matchesRoundZero ? text(`equals round 0 (${seconds(t.seconds)})`, "good") : text("differs from round 0", "bad");
}

function answers(s: LifecycleSummary): FigureCell {
  const { passed, checked, failed, mismatched, countMismatches } = s.totals;
  const wrong = [...mismatched.map((q) => `wrong answer in ${q}`), ...failed.map((q) => `${q} failed`), ...countMismatches];
  return { text: `${passed}/${checked}${failed.length ? `, ${failed.length} failed` : ""}`, value: passed, tone: wrong.length ? "bad" : "good", title: wrong.join("; ") || undefined };
}

/** Each shown target with a lifecycle step, per run, labelled like the charts' series. */
function rowsOf(pair: ReportPair) {
  const comparing = Boolean(pair.compare);
  return targetsOf(pair).flatMap((target) =>
    roles(pair).flatMap(({ role, model }) => {
      const summary = model.lifecycle?.[target.id];
      return summary ? [{ key: `${target.id}/${role}`, label: seriesLabel(target, role, comparing), summary }] : [];
    }),
  );
}

export function lifecycleSummaryTable(pair: ReportPair): FigureTable {
  const columns = ["target", "rounds", "degradation rate / round (95 % CI)", "recovery", "amplification after rounds → after maintenance", "change s", "maintenance s", "time travel to round 0", "answers correct"];
  return {
    id: "lifecycle",
    title: "Lifecycle per format",
    columns: columns.map((title, i) => ({ title, numeric: [1, 3, 5, 6].includes(i) })),
    rows: rowsOf(pair).map(({ key, label, summary: s }) => ({
      key: `lifecycle/${key}`,
      cells: [
        text(label),
        { text: lifecycleText.roundsText(s), value: s.rounds },
        rate(s),
        num(s.summary.recovery, (v) => `${v.toFixed(2)}×`),
        { text: `${s.summary.amplificationAfterRounds.toFixed(2)} → ${s.summary.amplificationAfterMaintenance.toFixed(2)}`, value: s.summary.amplificationAfterRounds },
        num(s.summary.changeSeconds, (v) => seconds(v, 1)),
        num(s.summary.maintenanceSeconds, (v) => seconds(v, 1)),
        timeTravel(s),
        answers(s),
      ],
    })),
  };
}

/** One column per pass in the order they ran (the first target's passes; all run the same). */
export function lifecyclePassTable(pair: ReportPair): FigureTable {
  const rows = rowsOf(pair);
  const passes = rows[0]?.summary.passes.map((p) => p.pass) ?? [];
  return {
    id: "lifecycle-passes",
    title: "Queries' total seconds per pass",
    columns: [{ title: "target", numeric: false }, ...passes.map((title) => ({ title, numeric: true }))],
    rows: rows.map(({ key, label, summary }) => ({
      key: `lifecycle-passes/${key}`,
      cells: [text(label), ...passes.map((name) => num(summary.passes.find((p) => p.pass === name)?.sumSeconds, (v) => seconds(v, 2)))],
    })),
  };
}

/** Wrong answers, failed queries and wrong row counts, per target: problems the section lists. */
export function lifecycleProblems(pair: ReportPair): string[] {
  return rowsOf(pair).flatMap(({ label, summary: { totals } }) => [
    ...totals.mismatched.map((q) => `${label}: wrong answer in ${q}`),
    ...totals.failed.map((q) => `${label}: ${q} failed`),
    ...totals.countMismatches.map((c) => `${label}: ${c}`),
  ]);
}
