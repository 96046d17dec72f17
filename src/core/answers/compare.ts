/**
 * Compares query answers. A match is an equal order-free hash of rows with numbers rounded
 * to 2 decimals (computed by spark-jobs/common/answers.py); when hashes differ, rows are
 * compared one by one with NUMERIC_TOLERANCE, so a value on a rounding boundary
 * (12.345 vs 12.3449999) is still a match while a wrong answer is not.
 */
export type AnswerValue = string | number | boolean | null;

export interface Answer {
  columns?: string[];
  rows?: AnswerValue[][];
  hash?: string;
  error?: string;
}

export type AnswerCheck =
  | { status: "match" }
  | { status: "mismatch"; detail: string }
  | { status: "unchecked"; detail: string };

/** Absolute tolerance (money has 2 decimals) plus a relative part for float64 rounding of large sums. */
export const NUMERIC_TOLERANCE = { absolute: 0.01, relative: 1e-12 };

export function compareAnswers(actual: Answer | undefined, expected: Answer | undefined, expectedBy: string): AnswerCheck {
  if (!expected || expected.error || !expected.rows) {
    return { status: "unchecked", detail: `${expectedBy} has no answer${expected?.error ? `: ${expected.error}` : ""}` };
  }
  if (!actual?.rows) return { status: "unchecked", detail: "the query returned no answer" };
  if (actual.hash && actual.hash === expected.hash) return { status: "match" };
  if (actual.rows.length !== expected.rows.length) {
    return { status: "mismatch", detail: `${actual.rows.length} rows, ${expectedBy} returned ${expected.rows.length}` };
  }
  const [mine, theirs] = [sortRows(actual.rows), sortRows(expected.rows)];
  for (let i = 0; i < mine.length; i++) {
    const column = firstDifference(mine[i], theirs[i]);
    if (column !== undefined) {
      const name = expected.columns?.[column] ?? `column ${column + 1}`;
      return {
        status: "mismatch",
        detail: `${name}: ${JSON.stringify(mine[i][column])}, ${expectedBy} has ${JSON.stringify(theirs[i][column])}`,
      };
    }
  }
  return { status: "match" };
}

export function valuesEqual(a: AnswerValue, b: AnswerValue): boolean {
  if (typeof a === "number" && typeof b === "number") {
    return Math.abs(a - b) <= NUMERIC_TOLERANCE.absolute + NUMERIC_TOLERANCE.relative * Math.abs(b);
  }
  return a === b;
}

function firstDifference(a: AnswerValue[], b: AnswerValue[]): number | undefined {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  const index = a.findIndex((value, i) => !valuesEqual(value, b[i]));
  return index === -1 ? undefined : index;
}

function sortRows(rows: AnswerValue[][]): AnswerValue[][] {
  return [...rows].sort((x, y) => {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const order = compareValues(x[i], y[i]);
      if (order !== 0) return order;
    }
    return x.length - y.length;
  });
}

function compareValues(a: AnswerValue, b: AnswerValue): number {
  if (typeof a === "number" && typeof b === "number") return valuesEqual(a, b) ? 0 : a - b;
  return String(a).localeCompare(String(b));
}
