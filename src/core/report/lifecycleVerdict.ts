/**
 * The lifecycle verdict: for each pair of variants of one table format that both ran the
 * rounds (copy-on-write against merge-on-read, Delta against Delta DV), which one costs less
 * to change, reads faster after the last round and stores smaller, and by how much. Pure and
 * browser-safe: the webview computes it from the report model as the reports do.
 */
import type { Interval } from "../metrics/bootstrap";
import { pairedRatio, slowdown } from "../metrics/lifecycle";
import { FORMATS } from "../formats";
import type { TargetId } from "../phase/targets";
import { lastRoundPass, type LifecycleSummary } from "./lifecycleSummary";
import type { ReportModel, ReportTarget } from "./model";

/** How a figure of the pair was decided. */
export type LifecycleCall = "wins" | "too close to call" | "no interval" | "exact" | "equal" | "not measured";

export interface LifecycleComparison {
  /** b's figure over a's; null when one of them lacks it. */
  ratio: number | null;
  /** 95 % interval of the ratio; null for exact figures and too few samples. */
  interval: Interval | null;
  /** The smaller figure's target; null when the call is too close, equal or not measured. */
  winner: TargetId | null;
  call: LifecycleCall;
  /** Where the ratio and its interval come from ("5 rounds, t-interval of the log ratios"). */
  basis: string;
}

/** Two variants of one format on one engine: the family's default (its id is the family's) and the other. */
export interface LifecyclePair {
  family: string;
  a: Pick<ReportTarget, "id" | "label">;
  b: Pick<ReportTarget, "id" | "label">;
}

export interface LifecyclePairVerdict extends LifecyclePair {
  rounds: number;
  writes: LifecycleComparison;
  reads: LifecycleComparison;
  storageAfterRounds: LifecycleComparison;
  storageAfterMaintenance: LifecycleComparison;
}

/** A pair that ran different numbers of rounds has nothing like for like to compare. */
export interface LifecyclePairSkipped extends LifecyclePair {
  reason: string;
}

export interface LifecycleVerdict {
  pairs: LifecyclePairVerdict[];
  skipped: LifecyclePairSkipped[];
}

type Member = { target: ReportTarget; summary: LifecycleSummary };

/** Targets grouped by engine and format family, the family's default variant first. */
function variantPairs(model: Pick<ReportModel, "targets" | "lifecycle">): [Member, Member][] {
  const groups = new Map<string, Member[]>();
  for (const target of model.targets) {
    const summary = model.lifecycle?.[target.id];
    const family = FORMATS[target.format]?.family;
    if (!summary || !family) continue;
    const key = `${target.engine}/${family}`;
    groups.set(key, [...(groups.get(key) ?? []), { target, summary }]);
  }
  return [...groups.values()].flatMap((members) => {
    const isDefault = (m: Member) => m.target.format === FORMATS[m.target.format].family;
    const [first, ...rest] = [...members.filter(isDefault), ...members.filter((m) => !isDefault(m))];
    return rest.map((m): [Member, Member] => [first, m]);
  });
}

/** A call from a ratio of b over a and its interval: too close when the interval holds 1. */
function decide(a: Member, b: Member, ratio: number | null, interval: Interval | null, basis: string, exact = false): LifecycleComparison {
  if (ratio === null) return { ratio, interval: null, winner: null, call: "not measured", basis };
  const smaller = ratio < 1 ? b.target.id : a.target.id;
  if (exact) return ratio === 1 ? { ratio, interval: null, winner: null, call: "equal", basis } : { ratio, interval: null, winner: smaller, call: "exact", basis };
  if (!interval) return { ratio, interval, winner: null, call: "no interval", basis };
  if (interval.low <= 1 && interval.high >= 1) return { ratio, interval, winner: null, call: "too close to call", basis };
  return { ratio, interval, winner: smaller, call: "wins", basis };
}

/** Each round's RF1 + RF2 + upsert seconds, by round. */
const roundSeconds = (s: LifecycleSummary) => new Map(s.changes.map((c) => [c.round, c.rf1 + c.rf2 + c.upsert]));

function writes(a: Member, b: Member): LifecycleComparison {
  const ofA = roundSeconds(a.summary);
  const ofB = roundSeconds(b.summary);
  const rounds = [...ofA.keys()].filter((r) => ofB.has(r));
  const paired = pairedRatio(rounds.map((r) => ofA.get(r)!), rounds.map((r) => ofB.get(r)!));
  const basis = paired?.interval
    ? `change seconds per round (RF1 + RF2 + upsert), ${paired.pairs} rounds paired: geometric mean of the per-round ratios, 95 % t-interval`
    : `change seconds per round (RF1 + RF2 + upsert): ${paired ? "one round, no interval" : "no round timed on both"}`;
  return decide(a, b, paired?.ratio ?? null, paired?.interval ?? null, basis);
}

function reads(a: Member, b: Member): LifecycleComparison {
  const pass = lastRoundPass(a.summary.rounds);
  const perQuery = a.summary.lastRoundSeconds && b.summary.lastRoundSeconds ? slowdown(b.summary.lastRoundSeconds, a.summary.lastRoundSeconds) : null;
  if (perQuery) {
    const basis = perQuery.interval ? `${pass}: geometric mean of the per-query ratios, 95 % bootstrap over the queries` : `${pass}: geometric mean of the per-query ratios, too few queries for an interval`;
    return decide(a, b, perQuery.ratio, perQuery.interval, basis);
  }
  // An older report kept only the pass's sum: a ratio without an interval.
  const sumOf = (m: Member) => m.summary.passes.find((p) => p.pass === pass)?.sumSeconds ?? null;
  const [sa, sb] = [sumOf(a), sumOf(b)];
  return decide(a, b, sa && sb ? sb / sa : null, null, `${pass}: the queries' total seconds, per-query times not in this report`);
}

function storage(a: Member, b: Member, after: "round" | "maintenance"): LifecycleComparison {
  const bytesOf = (m: Member) => m.summary.storage.find((p) => p.after === after && (after === "maintenance" || p.round === m.summary.rounds))?.totalBytes;
  const [ba, bb] = [bytesOf(a), bytesOf(b)];
  const basis = `bytes on disk of orders and lineitem after ${after === "round" ? `round ${a.summary.rounds}` : "maintenance"}: exact, one measurement`;
  return decide(a, b, ba && bb ? bb / ba : null, null, basis, true);
}

export function lifecycleVerdict(model: Pick<ReportModel, "targets" | "lifecycle">): LifecycleVerdict {
  const verdict: LifecycleVerdict = { pairs: [], skipped: [] };
  for (const [a, b] of variantPairs(model)) {
    const family = FORMATS[a.target.format].family;
    const names: LifecyclePair = { family, a: { id: a.target.id, label: a.target.label }, b: { id: b.target.id, label: b.target.label } };
    if (a.summary.rounds !== b.summary.rounds) {
      verdict.skipped.push({ ...names, reason: `${a.target.label} ran ${a.summary.rounds} rounds, ${b.target.label} ${b.summary.rounds}: not like for like` });
      continue;
    }
    verdict.pairs.push({
      ...names,
      rounds: a.summary.rounds,
      writes: writes(a, b),
      reads: reads(a, b),
      storageAfterRounds: storage(a, b, "round"),
      storageAfterMaintenance: storage(a, b, "maintenance"),
    });
  }
  return verdict;
}
