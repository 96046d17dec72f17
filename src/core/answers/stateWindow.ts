/**
 * The answer rule for queries that ran while refreshes committed (issue 9): a query's answer is
 * right when it equals the oracle's answer at one table state of its window [lo, hi], lo the last
 * state committed when it started, hi the highest state it could have seen when it ended.
 */
import { compareAnswers, type Answer, type AnswerCheck } from "./compare";

export type StateWindow = readonly [lo: number, hi: number];

/** The oracle's answer to this stream's query at a state; undefined where the oracle has none. */
export type OracleAnswerAt = (state: number) => Answer | undefined;

export type StateWindowCheck =
  | { status: "match"; state: number }
  | { status: "mismatch"; detail: string; window: StateWindow }
  | { status: "unchecked"; detail: string; window: StateWindow };

export class StateWindowError extends Error {
  constructor(readonly window: StateWindow) {
    super(`answer window [${window.join(", ")}]: needs whole states lo <= hi, from 0 up`);
    this.name = "StateWindowError";
  }
}

export type CompareAnswers = (actual: Answer | undefined, expected: Answer | undefined, expectedBy: string) => AnswerCheck;

/**
 * The first state of the window whose oracle answer the engine's answer equals (compareAnswers,
 * with its tolerance). States with the same oracle result (same hash) are compared once: most
 * refreshes leave most queries' answers unchanged.
 */
export function checkAnswerInWindow(
  actual: Answer | undefined,
  window: StateWindow,
  answerAt: OracleAnswerAt,
  expectedBy = "the oracle",
  compare: CompareAnswers = compareAnswers,
): StateWindowCheck {
  const [lo, hi] = window;
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || lo > hi) throw new StateWindowError(window);
  const checks = new Map<Answer | string, AnswerCheck>();
  const statesByResult = new Map<Answer | string, number[]>();
  for (let state = lo; state <= hi; state++) {
    const expected = answerAt(state);
    if (expected === undefined) continue;
    const key = expected.hash ?? expected;
    let check = checks.get(key);
    if (!check) {
      check = compare(actual, expected, expectedBy);
      checks.set(key, check);
    }
    if (check.status === "match") return { status: "match", state };
    statesByResult.set(key, [...(statesByResult.get(key) ?? []), state]);
  }
  const where = lo === hi ? `state ${lo}` : `states ${lo}..${hi}`;
  if (checks.size === 0) return { status: "unchecked", detail: `${expectedBy} has no answer at ${where}`, window };
  const mismatches = [...checks].filter(([, check]) => check.status === "mismatch");
  if (mismatches.length === 0) {
    return { status: "unchecked", detail: [...new Set([...checks.values()].map(detailOf))].join("; "), window };
  }
  const details = mismatches.map(([key, check]) => {
    const states = statesByResult.get(key)!;
    return `${states.length > 1 ? "states" : "state"} ${states.join(", ")}: ${detailOf(check)}`;
  });
  return { status: "mismatch", detail: `equals ${expectedBy} at none of ${where} (${details.join("; ")})`, window };
}

/** The oracle file's answer lookup for one stream's query (spark-jobs/oracle/state_answers.py's shape). */
export function oracleAnswersFor(
  oracle: { answers: Record<string, Record<string, Record<string, string>>>; results: Record<string, Answer> },
  stream: number,
  query: string,
): OracleAnswerAt {
  const byState = oracle.answers[String(stream)]?.[query] ?? {};
  return (state) => {
    const hash = byState[String(state)];
    return hash === undefined ? undefined : oracle.results[hash];
  };
}

const detailOf = (check: AnswerCheck): string => ("detail" in check ? check.detail : "");
