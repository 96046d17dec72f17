/**
 * The lifecycle section of the Markdown and HTML reports, present only when the model has one
 * (workload lifecycle): per target the degradation rate with its interval, recovery after
 * maintenance, storage amplification, change and maintenance seconds, time travel and answers;
 * then the queries' seconds per pass and the storage per round.
 */
import { escapeHtml as e, escapeMarkdownCell as cell } from "./escape";
import { bytes, percent, seconds } from "./format";
import type { LifecycleSummary } from "./lifecycleSummary";
import type { ReportModel } from "./model";

export const LIFECYCLE_TITLE = "Lifecycle: rounds of change, read degradation, maintenance, time travel";
const NOTE =
  "Each round applies one TPC-H refresh pair (RF1, RF2) and one upsert (MERGE INTO lineitem of ~0.1 % of its rows, spread over the table: an extension of TPC-H) to a per-run copy, then runs the queries once each. " +
  "Degradation rate: LST-Bench's mean over rounds of (Mᵢ − Mᵢ₋₁)/Mᵢ₋₁ of the queries' total seconds, with a 95 % t-interval from the rounds' spread. Recovery: the total after maintenance over round 0's. Amplification: bytes on disk over live data bytes of orders and lineitem.";

const SUMMARY_COLUMNS = ["target", "rounds", "degradation rate / round (95 % CI)", "recovery", "amplification after rounds → after maintenance", "change s", "maintenance s", "time travel to round 0", "earlier versions after maintenance", "answers correct"];
const STORAGE_COLUMNS = ["target", "after", "live data", "dead bytes", "delete files", "versions", "amplification"];

function lifecycles(model: ReportModel): [string, string, LifecycleSummary][] {
  return model.targets.flatMap((t) => (model.lifecycle?.[t.id] ? [[t.id, t.label, model.lifecycle[t.id]!] as [string, string, LifecycleSummary]] : []));
}

const rate = (s: LifecycleSummary): string => {
  const d = s.summary.degradation;
  if (!d) return "–";
  return d.interval ? `${percent(d.rate)} (${percent(d.interval.low)} … ${percent(d.interval.high)})` : `${percent(d.rate)} (one round: no interval)`;
};
const timeTravel = (s: LifecycleSummary): string =>
  !s.timeTravel.supported ? `unsupported${s.timeTravel.error ? `: ${s.timeTravel.error}` : ""}` : s.timeTravel.matchesRoundZero ? `✓ equals round 0 (${seconds(s.timeTravel.seconds)})` : "✗ differs from round 0";

/** Which earlier rounds still read after maintenance, and whether a read gave the round's rows. */
function earlierVersions(s: LifecycleSummary): string {
  const versions = s.maintenance.readable;
  if (versions.length === 0) return "–";
  const readable = versions.filter((v) => v.readable);
  const wrong = readable.filter((v) => v.rowsOk === false).map((v) => `round ${v.round}: ${v.rows ?? "?"} rows, expected ${v.expectedRows ?? "?"}`);
  const count = `${readable.length} of ${versions.length} readable`;
  return wrong.length ? `${count}; ✗ read as other rows without an error (${wrong.join("; ")})` : readable.length ? count : `${count} (expired, the format's error recorded)`;
}

function summaryRows(model: ReportModel): string[][] {
  return lifecycles(model).map(([, label, s]) => [
    label,
    String(s.rounds),
    rate(s),
    s.summary.recovery === null ? "–" : `${s.summary.recovery.toFixed(2)}×`,
    `${s.summary.amplificationAfterRounds.toFixed(2)} → ${s.summary.amplificationAfterMaintenance.toFixed(2)}`,
    seconds(s.summary.changeSeconds, 1),
    seconds(s.summary.maintenanceSeconds, 1),
    timeTravel(s),
    earlierVersions(s),
    `${s.totals.passed}/${s.totals.checked}${s.totals.failed.length ? `, ${s.totals.failed.length} failed` : ""}`,
  ]);
}

/** One column per pass, in the order they ran. */
function passColumns(model: ReportModel): string[] {
  const first = lifecycles(model)[0]?.[2];
  return ["target", ...(first?.passes.map((p) => p.pass) ?? [])];
}

function passRows(model: ReportModel): string[][] {
  return lifecycles(model).map(([, label, s]) => [label, ...s.passes.map((p) => seconds(p.sumSeconds, 2))]);
}

function storageRows(model: ReportModel): string[][] {
  return lifecycles(model).flatMap(([, label, s]) =>
    s.storage.map((p) => [label, p.after === "maintenance" ? "maintenance" : `round ${p.round}`, bytes(p.liveBytes), bytes(p.deadBytes), String(p.deleteFiles), p.versions === null ? "–" : String(p.versions), p.amplification.toFixed(2)]),
  );
}

function problemLines(model: ReportModel): string[] {
  return lifecycles(model).flatMap(([, label, s]) => [
    ...s.totals.mismatched.map((q) => `${label}: wrong answer in ${q}`),
    ...s.totals.failed.map((q) => `${label}: ${q} failed`),
    ...s.totals.countMismatches.map((c) => `${label}: ${c}`),
  ]);
}

const mdRow = (values: unknown[]) => `| ${values.map(cell).join(" | ")} |`;
const mdTable = (head: string[], rows: string[][]) => [mdRow(head), mdRow(head.map(() => "---")), ...rows.map(mdRow)];

export function lifecycleMarkdown(model: ReportModel): string[] {
  if (!lifecycles(model).length) return [];
  return [
    `## ${LIFECYCLE_TITLE}`,
    "",
    cell(NOTE),
    "",
    ...mdTable(SUMMARY_COLUMNS, summaryRows(model)),
    ...problemLines(model).map((p) => `\n- ❌ ${cell(p)}`),
    "",
    "### Queries' total seconds per pass",
    "",
    ...mdTable(passColumns(model), passRows(model)),
    "",
    "### Storage of orders and lineitem per round",
    "",
    ...mdTable(STORAGE_COLUMNS, storageRows(model)),
    "",
  ];
}

const htmlTable = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;

export function lifecycleHtml(model: ReportModel): string {
  if (!lifecycles(model).length) return "";
  const problems = problemLines(model);
  return `
<h2>${e(LIFECYCLE_TITLE)}</h2>
<p class="muted">${e(NOTE)}</p>
${htmlTable(SUMMARY_COLUMNS, summaryRows(model))}
${problems.length ? `<ul>${problems.map((p) => `<li class="bad">${e(p)}</li>`).join("")}</ul>` : ""}
<h3>Queries' total seconds per pass</h3>
${htmlTable(passColumns(model), passRows(model))}
<h3>Storage of orders and lineitem per round</h3>
${htmlTable(STORAGE_COLUMNS, storageRows(model))}`;
}
