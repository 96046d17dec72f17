/**
 * The running lifecycle step's description in the Phases tree: which stage it is in ("round 2
 * of 5 · RF1 0.812 s", "time travel to round 0", "maintenance done in 3.2 s"), read from the
 * progress lines lifecyclePhase.ts emits (its id prefix already removed). Pure.
 */

/** "round 2 of 5", or "round 2" when the number of rounds is unknown (invalid configuration). */
const roundOf = (round: number, rounds: number | undefined) => `round ${round}${rounds ? ` of ${rounds}` : ""}`;

/** The stage a pass's queries belong to, by the pass's name (the job's pass ids). */
function passStage(pass: string, rounds: number | undefined): string | undefined {
  const round = /^round-(\d+)$/.exec(pass);
  if (round) return roundOf(Number(round[1]), rounds);
  if (pass === "time-travel") return "time travel to round 0";
  if (pass === "maintained") return "after maintenance";
  return undefined;
}

/** What to show for a progress line; undefined for a line it does not know (the tree shows the line itself). */
export function lifecycleProgressText(line: string, rounds?: number): string | undefined {
  let match: RegExpExecArray | null;
  // "round 1: RF1 0.812 s"
  if ((match = /^round (\d+): (.+)$/.exec(line))) return `${roundOf(Number(match[1]), rounds)} · ${match[2]}`;
  // "round 1 done in 12.3 s": the next round starts, or after the last one the time travel.
  if ((match = /^round (\d+) done in (.+)$/.exec(line))) {
    const round = Number(match[1]);
    return rounds !== undefined && round >= rounds ? `${roundOf(round, rounds)} done in ${match[2]}; time travel to round 0` : `${roundOf(round + 1, rounds)}`;
  }
  // "round-2 q06 1.234 s", "time-travel q01 UNSUPPORTED"
  if ((match = /^([\w-]+) (q\d+ .+)$/.exec(line))) {
    const stage = passStage(match[1], rounds);
    if (stage) return `${stage} · ${match[2]}`;
  }
  if ((match = /^maintenance (.+)$/.exec(line))) return `maintenance done in ${match[1]}`;
  // "rolled back to the end of round 1 in 0.8 s": an interrupted run goes on with the next round.
  if ((match = /^rolled back to the end of round (\d+)/.exec(line))) return `${roundOf(Number(match[1]) + 1, rounds)} (resumed)`;
  if (/^working copy made/.test(line)) return `${roundOf(0, rounds)} · ${line}`;
  return undefined;
}
