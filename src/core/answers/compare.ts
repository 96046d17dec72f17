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
  // Pair rows as multisets: bucket the expected rows by their non-numeric values (exact),
  // then take, for each actual row, any row of its bucket that is equal within tolerance.
  // (Sorting with a tolerance is not a consistent order, so it could pair the wrong rows.)
  const buckets = new Map<string, AnswerValue[][]>();
  for (const row of expected.rows) {
    const key = exactKey(row);
    buckets.set(key, [...(buckets.get(key) ?? []), row]);
  }
  for (const row of actual.rows) {
    const candidates = buckets.get(exactKey(row)) ?? [];
    const index = candidates.findIndex((candidate) => firstDifference(row, candidate) === undefined);
    if (index === -1) return { status: "mismatch", detail: describeMissing(row, candidates.length ? candidates : [...buckets.values()].flat(), expected.columns, expectedBy) };
    candidates.splice(index, 1);
  }
  return { status: "match" };
}

/** The values compared exactly: everything but numbers. */
const exactKey = (row: AnswerValue[]): string => JSON.stringify(row.map((value) => (typeof value === "number" ? 0 : value)));

/** Names the first differing column against the expected row most like this one. */
function describeMissing(row: AnswerValue[], candidates: AnswerValue[][], columns: string[] | undefined, expectedBy: string): string {
  const differences = (other: AnswerValue[]) => other.filter((value, i) => !valuesEqual(value, row[i])).length;
  const nearest = candidates.reduce<AnswerValue[] | undefined>((best, c) => (!best || differences(c) < differences(best) ? c : best), undefined);
  if (!nearest) return `row ${JSON.stringify(row)} is not in ${expectedBy}'s answer`;
  const column = firstDifference(row, nearest)!;
  return `${columns?.[column] ?? `column ${column + 1}`}: ${JSON.stringify(row[column])}, ${expectedBy} has ${JSON.stringify(nearest[column])}`;
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
